import { readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { AcceptedTask } from "./soak-load";

const ACTIVE = new Set(["pending", "running"]);

/**
 * What became of the tasks the service accepted, read from the database and the storage folder:
 * missing or failed with `worker_lost` (lost), still pending or running (stuck), failed for another
 * reason, and outputs stored more than once (a second row for a task, or a stored object no row
 * points at, left by an attempt that was killed).
 */
export async function checkSoakTasks({ databaseUrl, dataDir, accepted }: { databaseUrl: string; dataDir: string; accepted: AcceptedTask[] }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = accepted.map((task) => task.id);
    const { rows: tasks } = await client.query<{ id: string; status: string; error_code: string | null }>(
      "SELECT id, status::text, error_code FROM tasks WHERE id = ANY($1)",
      [ids],
    );
    const { rows: outputs } = await client.query<{ task_id: string; storage_key: string }>("SELECT task_id, storage_key FROM files WHERE task_id = ANY($1)", [ids]);
    const byStatus: Record<string, number> = {};
    const failures: Record<string, number> = {};
    for (const task of tasks) {
      byStatus[task.status] = (byStatus[task.status] ?? 0) + 1;
      if (task.status === "failed") failures[task.error_code ?? "unknown"] = (failures[task.error_code ?? "unknown"] ?? 0) + 1;
    }
    const outputsPerTask = new Map<string, number>();
    for (const output of outputs) outputsPerTask.set(output.task_id, (outputsPerTask.get(output.task_id) ?? 0) + 1);
    const recordedKeys = new Set(outputs.map((output) => output.storage_key));
    const outputsFolder = join(dataDir, "files", "outputs");
    const strayObjects = ids.flatMap((id) => {
      try {
        return readdirSync(join(outputsFolder, id)).map((name) => `outputs/${id}/${name}`);
      } catch {
        return [];
      }
    }).filter((key) => !recordedKeys.has(key));
    const completedWithoutOutput = tasks.filter((task) => task.status === "completed" && !outputsPerTask.has(task.id)).length;
    return {
      accepted: ids.length,
      byStatus,
      failures,
      /** Runs that were started again after their worker was killed (pg-boss retries). */
      runsRetried: Number((await client.query<{ count: string }>("SELECT count(*) FROM pgboss.job WHERE name = 'task-run' AND retry_count > 0")).rows[0]!.count),
      tasksLost: ids.length - tasks.length + (failures.worker_lost ?? 0) + completedWithoutOutput,
      tasksFailed: tasks.filter((task) => task.status === "failed" && task.error_code !== "worker_lost").length + (byStatus.cancelled ?? 0),
      stuck: tasks.filter((task) => ACTIVE.has(task.status)).length,
      duplicatedOutputs: [...outputsPerTask.values()].reduce((sum, count) => sum + count - 1, 0) + strayObjects.length,
      strayObjects: strayObjects.slice(0, 10),
    };
  } finally {
    await client.end();
  }
}

/** Active tasks of the accepted ones, for waiting until they have all ended. */
export async function countActive(databaseUrl: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM tasks WHERE id = ANY($1) AND status IN ('pending', 'running')", [ids]);
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}
