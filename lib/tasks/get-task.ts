import { getDb } from "../db";
import { AppError } from "../errors";
import { taskViewSql } from "./task-view-sql";
import type { TaskView } from "./task-view";

/** The visitor's task with this id; unknown ids and other visitors' tasks are both not_found. */
export async function getTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  const [row] = await getDb().$queryRaw<{ task: TaskView }[]>`
    SELECT ${taskViewSql()} AS task FROM tasks t WHERE t.id = ${taskId} AND t.visitor_id = ${visitorId}`;
  if (!row) throw new AppError("not_found");
  return row.task;
}
