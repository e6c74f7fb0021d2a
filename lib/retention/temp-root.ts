import { join } from "node:path";
import { getConfig } from "../config";

/**
 * Where this process (a worker or a web server) keeps its temporary files: one folder per process
 * under DATA_DIR/tmp, on this host's own disk whatever the storage driver.
 */
export function tempRoot(pid = process.pid): string {
  return join(getConfig().dataDir, "tmp", `process-${pid}`);
}
