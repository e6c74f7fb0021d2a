import { join } from "node:path";
import { getConfig } from "@/lib/config";
import { getStorage } from "@/lib/storage/get-storage";
import { localDiskStorage } from "@/lib/storage/local-disk-storage";
import type { Storage } from "@/lib/storage/storage";

/** The keys stored under `prefix`, sorted, read through the storage (local folders or the bucket). */
export async function storedKeys(prefix: string, storage: Storage = getStorage()): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  return keys.sort();
}

/** The storage of a server or worker whose DATA_DIR is `dataDir`: its own folder, or the project's bucket. */
export function storageOfDataDir(dataDir: string): Storage {
  return getConfig().storage.driver === "s3" ? getStorage() : localDiskStorage(join(dataDir, "files"));
}
