import { getDb } from "../db";
import { AppError } from "../errors";
import { withQueueFacts } from "../tasks/queue-facts";
import type { PipelineView, StoredTaskView } from "../tasks/task-view";
import { taskViewSql } from "../tasks/task-view-sql";

/** The visitor's pipeline with this id; unknown ids and other visitors' pipelines are both not_found. */
export async function getPipeline({ visitorId, pipelineId }: { visitorId: string; pipelineId: string }): Promise<PipelineView> {
  const rows = await getDb().$queryRaw<{ task: StoredTaskView }[]>`
    SELECT ${taskViewSql()} AS task FROM tasks t
    WHERE t.pipeline_id = ${pipelineId} AND t.visitor_id = ${visitorId} ORDER BY t.step`;
  if (rows.length === 0) throw new AppError("not_found");
  return { id: pipelineId, tasks: await withQueueFacts(visitorId, rows.map((row) => row.task)) };
}
