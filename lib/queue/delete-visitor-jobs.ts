import type { Prisma } from "../db";
import { BOSS_SCHEMA } from "./create-boss";

/**
 * Deletes every job that carries the visitor's data, whatever its state, in the caller's transaction:
 * completion webhooks (they hold the visitor id, the task and where it goes), the jobs of the visitor's
 * tasks and of their watermark previews. For forgetting a visitor: nothing of theirs is sent or kept.
 */
export async function deleteVisitorJobs(
  tx: Prisma.TransactionClient,
  { visitorId, taskIds, previewIds }: { visitorId: string; taskIds: string[]; previewIds: string[] },
): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM ${BOSS_SCHEMA}.job
     WHERE data->>'visitorId' = $1 OR data->>'taskId' = ANY($2::text[]) OR data->>'previewId' = ANY($3::text[])`,
    visitorId,
    taskIds,
    previewIds,
  );
}
