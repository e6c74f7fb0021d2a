import { getDb } from "../db";
import { AppError } from "../errors";
import { presentTask, type TaskView } from "./present-task";
import { taskInclude } from "./task-include";

/** The visitor's task with this id; unknown ids and other visitors' tasks are both not_found. */
export async function getTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  const task = await getDb().task.findFirst({ where: { id: taskId, visitorId }, include: taskInclude });
  if (!task) throw new AppError("not_found");
  return presentTask(task);
}
