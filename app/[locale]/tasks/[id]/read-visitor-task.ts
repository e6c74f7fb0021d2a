import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/tasks/get-task";
import { readCurrentVisitor } from "@/lib/web/current-visitor";

/** The current visitor's task with this id, or null when there is no visitor or the task is not theirs. */
export const readVisitorTask = cache(async (taskId: string) => {
  const visitor = await readCurrentVisitor();
  if (!visitor) return null;
  try {
    return await getTask({ visitorId: visitor.id, taskId });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});
