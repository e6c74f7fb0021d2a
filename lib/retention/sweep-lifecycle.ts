import { deleteOldRateWindows } from "../abuse/rate-limits";
import { getConfig } from "../config";
import { deleteLapsedReservations } from "../files/visitor-storage";
import { deleteExpiredPreviews } from "../previews/delete-expired-previews";
import { removeExpiredResumableUploads } from "../uploads/remove-expired-resumable-uploads";
import { deleteExpiredTransfers } from "../transfers/create-transfer";
import { deleteExpiredFileRows } from "./delete-expired-file-rows";
import { deleteExpiredTasks } from "./delete-expired-tasks";
import { deleteIdleVisitors } from "./delete-idle-visitors";
import { removeOrphanBytes } from "./remove-orphan-bytes";
import { sweepExpiredFiles } from "./sweep-expired-files";

const HOUR_MS = 3_600_000;

/** Stored bytes younger than this are never taken for orphans: their row may be about to commit. */
const ORPHAN_SAFETY_MS = HOUR_MS;

type LifecycleSweepResult = {
  expiredFiles: number;
  /** Watermark previews past their hour, with their images. */
  expiredPreviews: number;
  deletedTasks: number;
  deletedFiles: number;
  deletedVisitors: number;
  orphans: number;
  /** Unfinished resumable uploads past UPLOAD_EXPIRY_HOURS since their last byte. */
  expiredUploads: number;
  /** Ended rate-limit windows, lapsed storage reservations and expired transfer codes. */
  lapsedRecords: number;
};

/**
 * One pass of the data lifecycle, in the order that lets each step free what the next one needs:
 * expired files lose their bytes, previews past their hour go with their images, finished tasks past
 * the grace period go with their logs and outputs, then file rows nothing lists any more, then visitors with nothing left, then bytes no
 * row points at, then unfinished resumable uploads that expired, and last the bookkeeping of ended
 * rate-limit windows, lapsed upload reservations and expired transfer codes. Every step works in short
 * batches and is safe to run twice or twice at once.
 */
export async function sweepLifecycle(options: { now?: Date } = {}): Promise<LifecycleSweepResult> {
  const now = options.now ?? new Date();
  const { retentionGraceHours, visitorIdleDays } = getConfig().limits;
  const graceCutoff = new Date(now.getTime() - retentionGraceHours * HOUR_MS);
  const expiredFiles = await sweepExpiredFiles({ now });
  const expiredPreviews = await deleteExpiredPreviews({ now });
  const deletedTasks = await deleteExpiredTasks({ cutoff: graceCutoff });
  const deletedFiles = await deleteExpiredFileRows({ cutoff: graceCutoff });
  const deletedVisitors = await deleteIdleVisitors({ cutoff: new Date(now.getTime() - visitorIdleDays * 24 * HOUR_MS) });
  const orphans = await removeOrphanBytes({ olderThan: new Date(now.getTime() - ORPHAN_SAFETY_MS) });
  const expiredUploads = await removeExpiredResumableUploads();
  const lapsedRecords =
    (await deleteOldRateWindows({ now: now.getTime() })) + (await deleteLapsedReservations()) + (await deleteExpiredTransfers({ now }));
  return { expiredFiles, expiredPreviews, deletedTasks, deletedFiles, deletedVisitors, orphans, expiredUploads, lapsedRecords };
}
