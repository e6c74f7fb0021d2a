import { getConfig } from "../config";
import { AppError } from "../errors";
import { getStorage } from "./get-storage";

/**
 * Refuses a write (507 storage_full) when the storage's free space, less the `incomingBytes` about to
 * be written, would fall below MIN_FREE_DISK_BYTES: the database and other processes may share the
 * disk, and the floor keeps room for them. A floor of 0 turns the check off (a full disk then shows
 * as the write failing, which storage also reports as storage_full). Storage that cannot tell its
 * free space is never refused.
 */
export async function assertFreeSpace(incomingBytes = 0): Promise<void> {
  const floor = getConfig().limits.minFreeDiskBytes;
  if (floor === 0) return;
  const free = await getStorage().freeBytes(incomingBytes);
  if (free !== null && free - incomingBytes < floor) throw new AppError("storage_full");
}
