import { join } from "node:path";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { processSingleton } from "../process-singleton";
import { measureFreeBytes } from "./free-space";
import { localDiskStorage } from "./local-disk-storage";
import { s3Storage } from "./s3-storage";
import type { Storage } from "./storage";
import { tempRoot } from "./temp-folders";

const storage = processSingleton<Storage>("storage");

/** The process's storage, as STORAGE_DRIVER says: local disk under DATA_DIR/files, or an S3 bucket. */
export function getStorage(): Storage {
  return storage.get(() => {
    const config = getConfig();
    return config.storage.driver === "s3" ? s3Storage(config.storage) : localDiskStorage(join(config.dataDir, "files"));
  });
}

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
