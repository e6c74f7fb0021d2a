import { join } from "node:path";
import { getConfig } from "../config";

/**
 * Where unfinished resumable uploads are written (`<id>` and its tus record `<id>.json`): a folder of
 * their own beside the storage, whose orphan sweep would otherwise take them for abandoned bytes.
 */
export function resumableUploadDir(): string {
  return join(getConfig().dataDir, "tus");
}
