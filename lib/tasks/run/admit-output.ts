import type { Prisma } from "../../db";
import { fitsStorageQuota } from "../../files/fits-storage-quota";
import { formatBytes } from "../../format/format-bytes";
import { lockVisitor } from "../../identity/lock-visitor";
import type { TaskOutcome } from "./finish-task";

/**
 * A completed task's outcome if its output fits in the visitor's storage quota (outputs count like
 * uploads), else a final storage_quota_exceeded failure. Holds the visitor's lock until the caller's
 * transaction ends, so the output is recorded before any parallel upload can claim the same room.
 */
export async function admitOutput(
  tx: Prisma.TransactionClient,
  options: { taskId: string; outcome: Extract<TaskOutcome, { status: "completed" }> },
): Promise<TaskOutcome> {
  const { taskId, outcome } = options;
  const task = await tx.task.findUnique({ where: { id: taskId }, select: { visitorId: true } });
  if (!task) return outcome;
  await lockVisitor(tx, task.visitorId);
  if (await fitsStorageQuota(tx, { visitorId: task.visitorId, bytes: outcome.output.size })) return outcome;
  const size = formatBytes(outcome.output.size, "en");
  return { status: "failed", code: "storage_quota_exceeded", message: `The result (${size}) does not fit in the visitor's storage quota` };
}
