import type { Prisma } from "../db";
import { notifyTaskEnded } from "./notify/notify-task-ended";
import { appendTaskLog } from "./append-task-log";
import { laterStepsSql } from "./later-steps-sql";

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
