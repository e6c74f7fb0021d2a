import { createReadStream } from "node:fs";
import { mkdir, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { getStorage } from "../../storage/get-storage";

/**
 * Moves a finished output from the work folder into storage under `key`. A rename when both are on
 * one disk (atomic: a crash leaves the whole file or none), else a streamed copy. Returns the size.
 */
export async function storeOutput(options: { path: string; key: string }): Promise<number> {
  const storage = getStorage();
  const target = storage.localPath(options.key);
  try {
    await mkdir(dirname(target), { recursive: true });
    await rename(options.path, target);
    return (await stat(target)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    return (await storage.put(options.key, createReadStream(options.path))).size;
  }
}
