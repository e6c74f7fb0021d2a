import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { TaskView } from "./task-view";
import { selectTaskViews } from "./select-task-views";

/** The visitor's task with this id; unknown ids and other visitors' tasks are both not_found. */
export async function getTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  const [task] = await selectTaskViews(Prisma.sql`t.id = ${taskId} AND t.visitor_id = ${visitorId}`);
  if (!task) throw new AppError("not_found");
  return task;
}
