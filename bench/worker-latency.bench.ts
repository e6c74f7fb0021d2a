/**
 * Submit → running latency with a free slot: one worker process, tasks submitted one at a time
 * (task row + dispatch wake-up in one transaction, as the API does); measured from just before the
 * submitting transaction to the task's startedAt. Goal: p50 < 100 ms.
 */
import { fromPrisma } from "pg-boss";
import { benchEnvironment } from "./support/bench-environment";
import { startBenchBoss } from "./support/start-bench-boss";
import { median, percentile, round } from "./support/measure";
import { seedVisitorsWithImage } from "./support/seed-bench-tasks";

const SAMPLES = 40;

export default async function benchSubmitLatency() {
  const { databaseUrl, dataDir } = await benchEnvironment();
  const { makeImage } = await import("../tests/support/media-fixtures");
  const { spawnWorker } = await import("../tests/support/spawn-worker");
  const { getDb } = await import("../lib/db");
  const { requestDispatch } = await import("../lib/queue/request-dispatch");
  const db = getDb();
  const [[visitorId, fileId]] = (await seedVisitorsWithImage(1, await makeImage({ width: 64, height: 48 }))) as [[string, string]];
  const boss = await startBenchBoss();
  const worker = await spawnWorker({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  const latencies: number[] = [];
  try {
    for (let sample = 0; sample < SAMPLES + 3; sample += 1) {
      const submittedAt = Date.now();
      const taskId = await db.$transaction(async (tx) => {
        const task = await tx.task.create({
          data: { visitorId, type: "thumbnail", params: { width: 32 }, expiresAt: new Date(Date.now() + 86_400_000), inputs: { create: [{ fileId, position: 0 }] } },
        });
        await requestDispatch(boss, { db: fromPrisma(tx) });
        return task.id;
      });
      let task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
      while (task.status !== "completed" && task.status !== "failed") {
        await new Promise((resolve) => setTimeout(resolve, 5));
        task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
      }
      if (sample >= 3) latencies.push(task.startedAt!.getTime() - submittedAt);
    }
  } finally {
    await worker.stop();
    await boss.stop();
  }
  return {
    samples: SAMPLES,
    p50Ms: round(median(latencies)),
    p90Ms: round(percentile(latencies, 90)),
    maxMs: round(Math.max(...latencies)),
    goal: "p50 < 100 ms",
  };
}
