import { inject } from "vitest";
import { spawnWorker, type WorkerProcess } from "./spawn-worker";

export type { WorkerProcess } from "./spawn-worker";

/** A worker process against this test run's database and data folder. */
export function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  return spawnWorker({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), NODE_ENV: "test", ...env });
}
