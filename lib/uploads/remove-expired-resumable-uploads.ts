import { opendir } from "node:fs/promises";
import { getDb } from "../db";
import { isRecordId } from "../record-id";
import { removeResumableUpload, resumableUploadDir } from "./resumable-upload";

const BATCH = 500;

/** The upload ids among `ids` that are still live (their reservation has not expired). */
async function liveUploads(ids: string[]): Promise<Set<string>> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id FROM storage_reservations WHERE id = ANY(${ids}::text[]) AND expires_at > now() AT TIME ZONE 'UTC'`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Deletes unfinished resumable uploads that expired (UPLOAD_EXPIRY_HOURS after their last byte) or
 * were left without a reservation (a crash while completing or cancelling one). A new upload reserves
 * before its first byte is written, so a live one is never taken. Returns how many went.
 */
export async function removeExpiredResumableUploads(): Promise<number> {
  const entries = await opendir(resumableUploadDir()).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!entries) return 0;
  let removed = 0;
  const seen = new Set<string>();
  const sweep = async (ids: string[]) => {
    const live = await liveUploads(ids);
    for (const id of ids.filter((candidate) => !live.has(candidate))) {
      await removeResumableUpload(id);
      removed += 1;
    }
  };
  let batch: string[] = [];
  for await (const entry of entries) {
    const id = entry.name.replace(/\.json$/, "");
    if (!isRecordId(id) || seen.has(id)) continue;
    seen.add(id);
    batch.push(id);
    if (batch.length === BATCH) {
      await sweep(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await sweep(batch);
  return removed;
}
