import { fileViewSql, isoTimestampSql } from "../files/file-view-sql";
import { Prisma } from "../generated/prisma/client";

/**
 * SQL building a task's API JSON (TaskView) for the `tasks` row aliased `t`, its input and output files
 * included, so a task or a page of tasks is read in one round trip (they are polled often).
 */
export function taskViewSql(): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'id', t.id, 'shortId', t.short_id, 'type', t.type, 'status', t.status, 'progress', t.progress,
    'message', t.message, 'messageCode', t.message_code, 'messageParams', t.message_params,
    'error', CASE WHEN t.error_code IS NOT NULL THEN json_build_object('code', t.error_code, 'message', COALESCE(t.error_message, '')) END,
    'params', t.params,
    'inputs', COALESCE((SELECT json_agg(${fileViewSql("f")} ORDER BY i.position)
                        FROM task_inputs i JOIN files f ON f.id = i.file_id WHERE i.task_id = t.id), '[]'),
    'outputs', COALESCE((SELECT json_agg(${fileViewSql("o")} ORDER BY o.created_at, o.id)
                         FROM files o WHERE o.task_id = t.id), '[]'),
    'attempts', t.attempts, 'pipelineId', t.pipeline_id, 'step', t.step, 'dependsOn', t.depends_on,
    'createdAt', ${isoTimestampSql("t.created_at")}, 'startedAt', ${isoTimestampSql("t.started_at")},
    'finishedAt', ${isoTimestampSql("t.finished_at")}, 'expiresAt', ${isoTimestampSql("t.expires_at")}
  )`;
}

/** SQL building the operators' view of the `tasks` row aliased `t`: the TaskView JSON with its visitor and priority. */
export function operatorTaskViewSql(): Prisma.Sql {
  return Prisma.sql`(${taskViewSql()})::jsonb || jsonb_build_object('visitorId', t.visitor_id, 'priority', t.priority)`;
}
