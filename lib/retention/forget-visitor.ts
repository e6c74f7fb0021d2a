import { getDb } from "../db";
import { AppError } from "../errors";
import { LOCKING_TRANSACTION, lockVisitor } from "../identity/lock-visitor";
import { deleteVisitorJobs } from "../queue/delete-visitor-jobs";
import { getStorage } from "../storage/get-storage";
import { cancelTask } from "../tasks/cancel-task";
import { activeStatuses } from "../tasks/task-states";
import { removeResumableUpload } from "../uploads/resumable-upload";

/** Cancels the visitor's waiting and running tasks the usual way, so running jobs stop their processing. */
async function cancelActiveTasks(visitorId: string): Promise<void> {
  const active = await getDb().task.findMany({ where: { visitorId, status: { in: [...activeStatuses] } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const { id } of active) {
    try {
      await cancelTask({ visitorId, taskId: id });
    } catch (error) {
      // Finished meanwhile, or already cancelled here as a later step of a pipeline.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
}

/**
 * "Delete all my data": cancels the visitor's tasks, then deletes every task (with its logs), file,
 * watermark preview, upload reservation (with a resumable upload's bytes), transfer code, email address,
 * push subscription, rate-limit count and job of theirs and the visitor row, then the stored bytes. Safe to run twice. Bytes that a
 * job still stopping writes afterwards belong to no row; the orphan sweep removes them.
 */
export async function forgetVisitor({ visitorId }: { visitorId: string }): Promise<void> {
  await cancelActiveTasks(visitorId);
  const { storageKeys, uploadIds } = await getDb().$transaction(async (tx) => {
    // Under the visitor's lock no task is created and no upload recorded meanwhile.
    await lockVisitor(tx, visitorId);
    const where = { visitorId };
    const [files, previews, reservations, tasks] = await Promise.all([
      tx.file.findMany({ where, select: { storageKey: true, thumbnailKey: true } }),
      tx.watermarkPreview.findMany({ where, select: { id: true, beforeKey: true, afterKey: true } }),
      tx.storageReservation.findMany({ where, select: { id: true } }),
      tx.task.findMany({ where, select: { id: true } }),
    ]);
    await deleteVisitorJobs(tx, { visitorId, taskIds: tasks.map((task) => task.id), previewIds: previews.map((preview) => preview.id) });
    // Tasks before files: a task's inputs hold on to their files. Outputs, inputs and logs go with the tasks.
    await tx.task.deleteMany({ where });
    await tx.file.deleteMany({ where });
    await tx.rateLimit.deleteMany({ where: { key: { endsWith: `:${visitorId}` } } });
    // Previews, reservations, transfer codes, the email address, its unsubscribe links and push subscriptions go with the visitor (cascade).
    await tx.visitor.deleteMany({ where: { id: visitorId } });
    return {
      storageKeys: [...files.flatMap((file) => [file.storageKey, file.thumbnailKey]), ...previews.flatMap((preview) => [preview.beforeKey, preview.afterKey])].filter(
        (key): key is string => key !== null,
      ),
      uploadIds: reservations.map((reservation) => reservation.id),
    };
  }, LOCKING_TRANSACTION);
  const storage = getStorage();
  await Promise.all([...storageKeys.map((key) => storage.delete(key)), ...uploadIds.map((uploadId) => removeResumableUpload(uploadId))]);
}
