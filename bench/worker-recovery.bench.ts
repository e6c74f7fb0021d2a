/**
 * Recovery from a crashed worker: two worker processes, one long watermark task at a time. Once the
 * task shows progress, the worker running it (the one whose ffmpeg is at work) is SIGKILLed, and the
 * time is taken until the task's run job is active again, on the other worker. KILLS rounds; a fresh
 * worker replaces each killed one and the task is cancelled before the next. Also printed: how long
 * until pg-boss noticed the dead worker (the job left "active"). Goal: ≤ 15 s.
 */
import { readFileSync, readdirSync } from "node:fs";
import { benchEnvironment } from "./support/bench-environment";
import { median, round } from "./support/measure";

const KILLS = 10;
const POLL_MS = 100;

/** The ffmpeg processes whose parent is `pid` (Linux). */
function ffmpegOf(pid: number): number[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).filter((name) => {
    try {
      const [command, rest] = readFileSync(`/proc/${name}/stat`, "utf8").split(") ");
      return command!.endsWith("(ffmpeg") && Number(rest!.split(" ")[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

const figures = (values: number[]) => ({ min: round(Math.min(...values), 1), median: round(median(values), 1), max: round(Math.max(...values), 1) });

export default async function benchWorkerRecovery() {
  const { databaseUrl, dataDir } = await benchEnvironment();
  const { makeVideo } = await import("../tests/support/media-fixtures");
  const { spawnWorker } = await import("../tests/support/spawn-worker");
  const { createVisitor, storeUpload, submitTask } = await import("../tests/support/seed-tasks");
  const { waitForTaskProgress } = await import("../tests/support/run-task-to-end");
  const { waitFor } = await import("../tests/support/wait-for");
  const { cancelTask } = await import("../lib/tasks/cancel-task");
  const { stopBoss } = await import("../lib/queue/get-boss");
  const { getDb } = await import("../lib/db");
  const db = getDb();
  const startWorker = () => spawnWorker({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const jobState = async (jobId: string) =>
    (await db.$queryRaw<{ state: string; retry_count: number }[]>`SELECT state::text, retry_count FROM pgboss.job WHERE id = ${jobId}::uuid`)[0];

  const visitorId = await createVisitor();
  const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 60, width: 640, height: 480, audio: false }));
  const workers = await Promise.all([startWorker(), startWorker()]);
  const recovered: number[] = [];
  const noticed: number[] = [];
  try {
    for (let kill = 1; kill <= KILLS; kill++) {
      const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region: { x: 20, y: 20, width: 100, height: 60 } } });
      const { jobId } = await waitForTaskProgress(taskId, 120_000);
      const [victim, ffmpeg] = await waitFor(async () => {
        const found = workers.map((worker) => [worker, ffmpegOf(worker.pid)] as const).find(([, children]) => children.length > 0);
        return found ?? false;
      }, { what: "the worker running the task", timeoutMs: 30_000 });
      const killedAt = performance.now();
      await victim.kill();
      // A real crash may leave its ffmpeg behind too; the benchmark leaves nothing running.
      ffmpeg.forEach(killQuietly);
      let noticedAt: number | undefined;
      for (;;) {
        const job = await jobState(jobId!);
        if (job && job.state !== "active" && noticedAt === undefined) noticedAt = performance.now();
        if (job?.state === "active" && job.retry_count >= 1) break;
        if (job && ["completed", "failed", "cancelled"].includes(job.state)) throw new Error(`run job ended ${job.state} instead of running again`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const now = performance.now();
      recovered.push((now - killedAt) / 1000);
      noticed.push(((noticedAt ?? now) - killedAt) / 1000);
      console.log(`kill ${kill}: running again after ${round(recovered.at(-1)!)} s (noticed after ${round(noticed.at(-1)!)} s)`);
      workers.splice(workers.indexOf(victim), 1, await startWorker());
      await cancelTask({ visitorId, taskId });
      await waitFor(async () => workers.every((worker) => ffmpegOf(worker.pid).length === 0), { what: "the cancelled task to stop", timeoutMs: 30_000 });
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await stopBoss();
  }
  return { kills: KILLS, runningAgainSeconds: figures(recovered), noticedSeconds: figures(noticed), goal: "≤ 15 s" };
}
