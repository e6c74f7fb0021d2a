import { join } from "node:path";
import { getConfig } from "../config";
import { localDiskStorage } from "./local-disk-storage";
import type { Storage } from "./storage";

let storage: Storage | undefined;

/** The process's storage: local disk under DATA_DIR/files. */
export function getStorage(): Storage {
  storage ??= localDiskStorage(join(getConfig().dataDir, "files"));
  return storage;
}
