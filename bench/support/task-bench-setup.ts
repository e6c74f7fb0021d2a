import { benchEnvironment } from "./bench-environment";
import { seedVisitorsWithImage } from "./seed-bench-tasks";
import { startBenchBoss } from "./start-bench-boss";

/**
 * What the task benchmarks share: the throwaway environment, `visitors` visitors each owning one
 * small image, a sending boss (and how to stop it), and a way to start worker processes on that environment. lib/ is
 * imported only after benchEnvironment() has pointed the process at the throwaway database.
 */
export async function taskBenchSetup(visitors: number) {
  const { databaseUrl, dataDir } = await benchEnvironment();
  const { makeImage } = await import("../../tests/support/media-fixtures");
  const { spawnWorker } = await import("../../tests/support/spawn-worker");
  const { getDb } = await import("../../lib/db");
  const { requestDispatch } = await import("../../lib/tasks/run/dispatch-tasks");
  const { stopBoss } = await import("../../lib/queue/get-boss");
  const pairs = await seedVisitorsWithImage(visitors, await makeImage({ width: 64, height: 48 }));
  const boss = await startBenchBoss();
  const startWorker = (env: Record<string, string> = {}, script?: string) =>
    spawnWorker({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ...env }, { script });
  // Stopped through stopBoss, so the next benchmark in the same run starts a fresh one.
  return { db: getDb(), boss, stopBoss, pairs, requestDispatch, startWorker };
}
