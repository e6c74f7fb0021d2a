import { getDb } from "../db";
import { AppError } from "../errors";
import { withQueueFacts } from "./queue-facts";
import { taskViewSql } from "./task-view-sql";
import type { PipelineView, StoredTaskView, TaskView } from "./task-view";

/** The visitor's task with this id; unknown ids and other visitors' tasks are both not_found. */
export async function getTask({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskView> {
  const [row] = await getDb().$queryRaw<{ task: StoredTaskView }[]>`
    SELECT ${taskViewSql()} AS task FROM tasks t WHERE t.id = ${taskId} AND t.visitor_id = ${visitorId}`;
  if (!row) throw new AppError("not_found");
  const [task] = await withQueueFacts(visitorId, [row.task]);
  return task!;
}

/** The tasks with these ids (whoever owns them), each with its owner; ids that no longer exist are left out. */
export async function getTasksById(taskIds: string[]): Promise<{ visitorId: string; task: TaskView }[]> {
  if (taskIds.length === 0) return [];
  const rows = await getDb().$queryRaw<{ visitorId: string; task: StoredTaskView }[]>`
    SELECT t.visitor_id AS "visitorId", ${taskViewSql()} AS task FROM tasks t WHERE t.id = ANY(${taskIds}::text[])`;
  const byVisitor = new Map<string, typeof rows>();
  for (const row of rows) byVisitor.set(row.visitorId, [...(byVisitor.get(row.visitorId) ?? []), row]);
  const withFacts = await Promise.all(
    [...byVisitor].map(async ([visitorId, owned]) => (await withQueueFacts(visitorId, owned.map((row) => row.task))).map((task) => ({ visitorId, task }))),
  );
  return withFacts.flat();
}

/** The visitor's pipeline with this id; unknown ids and other visitors' pipelines are both not_found. */
export async function getPipeline({ visitorId, pipelineId }: { visitorId: string; pipelineId: string }): Promise<PipelineView> {
  const rows = await getDb().$queryRaw<{ task: StoredTaskView }[]>`
    SELECT ${taskViewSql()} AS task FROM tasks t
    WHERE t.pipeline_id = ${pipelineId} AND t.visitor_id = ${visitorId} ORDER BY t.step`;
  if (rows.length === 0) throw new AppError("not_found");
  return { id: pipelineId, tasks: await withQueueFacts(visitorId, rows.map((row) => row.task)) };
}
