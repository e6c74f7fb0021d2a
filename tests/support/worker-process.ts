import { inject } from "vitest";
import { spawnWorker, type WorkerProcess } from "./spawn-worker";

export type { WorkerProcess } from "./spawn-worker";

/** A worker process against this file's database (the run's, unless the file has its own) and the run's data folder. */
export function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  return spawnWorker({ DATABASE_URL: process.env.DATABASE_URL ?? inject("databaseUrl"), DATA_DIR: inject("dataDir"), NODE_ENV: "test", ...env });
}
