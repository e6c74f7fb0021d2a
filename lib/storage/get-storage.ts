import { join } from "node:path";
import { getConfig } from "../config";
import { processSingleton } from "../process-singleton";
import { localDiskStorage } from "./local-disk-storage";
import { s3Storage } from "./s3-storage";
import type { Storage } from "./storage";

const storage = processSingleton<Storage>("storage");

/** The process's storage, as STORAGE_DRIVER says: local disk under DATA_DIR/files, or an S3 bucket. */
export function getStorage(): Storage {
  return storage.get(() => {
    const config = getConfig();
    return config.storage.driver === "s3" ? s3Storage(config.storage) : localDiskStorage(join(config.dataDir, "files"));
  });
}
