import { getLocale } from "next-intl/server";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/tasks/get-task";
import { readCurrentVisitor } from "@/lib/web/current-visitor";
import { localizeTask } from "@/lib/tasks/localize-task";

/**
 * The current visitor's task with this id, its error in the page's language as the API gives it, or null
 * when there is no visitor or the task is not theirs.
 */
export const readVisitorTask = cache(async (taskId: string) => {
  const visitor = await readCurrentVisitor();
  if (!visitor) return null;
  try {
    return localizeTask(await getTask({ visitorId: visitor.id, taskId }), await getLocale());
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});
