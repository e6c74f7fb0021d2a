import { getConfig } from "../config";

/** How long an unfinished resumable upload is kept after its last byte. */
export function uploadExpirySeconds(): number {
  return getConfig().limits.uploadExpiryHours * 3600;
}
