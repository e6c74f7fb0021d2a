import { join } from "node:path";
import { getConfig } from "../config";

/** Where this worker process keeps its temporary files: one folder per process under DATA_DIR/tmp. */
export function tempRoot(pid = process.pid): string {
  return join(getConfig().dataDir, "tmp", `worker-${pid}`);
}
