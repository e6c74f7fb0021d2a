import { getConfig } from "../config";
import { AppError } from "../errors";
import { tempRoot } from "../retention/temp-root";
import { getStorage } from "./get-storage";
import { measureFreeBytes } from "./measure-free-bytes";

/**
 * Refuses a write (507 storage_full) when the free space, less the `incomingBytes` about to be
 * written, would fall below MIN_FREE_DISK_BYTES: the database and other processes may share the
 * disk, and the floor keeps room for them. A floor of 0 turns the check off (a full disk then shows
 * as the write failing, which storage also reports as storage_full). The space is the storage's own
 * when it can tell (local disk); otherwise (a bucket) that of this host's temporary folder, where
 * uploads and task outputs are written before they go to storage.
 */
export async function assertFreeSpace(incomingBytes = 0): Promise<void> {
  const floor = getConfig().limits.minFreeDiskBytes;
  if (floor === 0) return;
  const free = (await getStorage().freeBytes(incomingBytes)) ?? (await measureFreeBytes(tempRoot(), incomingBytes));
  if (free - incomingBytes < floor) throw new AppError("storage_full");
}
