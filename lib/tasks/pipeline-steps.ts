import type { Prisma } from "../db";
import { Prisma as Sql } from "../generated/prisma/client";
import { appendTaskLog } from "./append-task-log";
import { notifyTaskEnded } from "./notify/notify-task-ended";

// How the steps of a pipeline hang together (tasks.depends_on names the step a task reads): a step
// waits until the one it reads has completed, then gets its output as its input; when a step fails or
// is cancelled, the steps after it are cancelled with it.

/**
 * Whether the `tasks` row aliased `alias` may be admitted: pending, and, for a pipeline step, the step
 * it reads has completed (its output is then the step's input). The dispatcher's candidates and the
 * queue positions both use this, so a waiting step is neither started nor given a place in line.
 */
export function readyToStartSql(alias: string): Sql.Sql {
  const t = Sql.raw(alias);
  return Sql.sql`${t}.status = 'pending'
    AND (${t}.depends_on IS NULL OR EXISTS (SELECT 1 FROM tasks d WHERE d.id = ${t}.depends_on AND d.status = 'completed'))`;
}

/** The ids of every pipeline step after `taskId` (the steps depending on it, theirs, and so on). */
export function laterStepsSql(taskId: string): Sql.Sql {
  return Sql.sql`WITH RECURSIVE later AS (
      SELECT id FROM tasks WHERE depends_on = ${taskId}
      UNION ALL SELECT t.id FROM tasks t JOIN later l ON t.depends_on = l.id
    ) SELECT id FROM later`;
}
/**
 * Pipeline steps completed: each output becomes the input of the step that reads it, in the finishing
 * transaction, so that step becomes ready to start with the same commit (the admission that follows
 * in that transaction may start it at once).
 */
export async function passOutputsOn({ tx, outputs }: { tx: Prisma.TransactionClient; outputs: { taskId: string; fileId: string }[] }): Promise<void> {
  if (outputs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO task_inputs (task_id, position, file_id)
    SELECT t.id, 0, o.file_id
    FROM unnest(${outputs.map((output) => output.taskId)}::text[], ${outputs.map((output) => output.fileId)}::text[]) AS o(task_id, file_id)
    JOIN tasks t ON t.depends_on = o.task_id
    ON CONFLICT (task_id, position) DO NOTHING`;
}

/**
 * A pipeline step failed or was cancelled: every step after it can no longer get its input, so each
 * still waiting is cancelled with dependency_failed, in the caller's transaction (the one that made
 * the step final). Later steps are always pending here: none starts before the one it reads completes.
 */
export async function cancelLaterSteps({ tx, taskId }: { tx: Prisma.TransactionClient; taskId: string }): Promise<void> {
  const cancelled = await tx.$queryRaw<{ id: string }[]>`
    UPDATE tasks SET status = 'cancelled', error_code = 'dependency_failed',
           error_message = 'An earlier step of the pipeline did not complete', message = '',
           finished_at = clock_timestamp() AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
    WHERE id IN (${laterStepsSql(taskId)}) AND status = 'pending'
    RETURNING id`;
  const ids = cancelled.map((task) => task.id);
  await appendTaskLog({ taskId: ids, level: "info", message: "Cancelled: an earlier step of the pipeline did not complete.", tx });
  await notifyTaskEnded({ tx, taskIds: ids });
}
