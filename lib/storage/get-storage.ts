import { join } from "node:path";
import { getConfig } from "../config";
import { localDiskStorage } from "./local-disk-storage";
import { s3Storage } from "./s3-storage";
import type { Storage } from "./storage";

let storage: Storage | undefined;

/** The process's storage, as STORAGE_DRIVER says: local disk under DATA_DIR/files, or an S3 bucket. */
export function getStorage(): Storage {
  const config = getConfig();
  storage ??= config.storage.driver === "s3" ? s3Storage(config.storage) : localDiskStorage(join(config.dataDir, "files"));
  return storage;
}
