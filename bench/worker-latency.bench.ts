/**
 * Submit → running latency with a free slot: one worker process, tasks submitted one at a time
 * (task row + dispatch wake-up in one transaction, as the API does); measured from just before the
 * submitting transaction to the task's startedAt. Goal: p50 < 100 ms.
 */
import { median, percentile, round } from "./support/measure";
import { taskBenchSetup } from "./support/task-bench-setup";

const SAMPLES = 40;

export default async function benchSubmitLatency() {
  const { db, stopBoss, pairs, requestDispatch, startWorker } = await taskBenchSetup(1);
  const [[visitorId, fileId]] = pairs as [[string, string]];
  const worker = await startWorker();
  const latencies: number[] = [];
  try {
    for (let sample = 0; sample < SAMPLES + 3; sample += 1) {
      const submittedAt = Date.now();
      const taskId = await db.$transaction(async (tx) => {
        const task = await tx.task.create({
          data: { visitorId, type: "thumbnail", params: { width: 32 }, expiresAt: new Date(Date.now() + 86_400_000), inputs: { create: [{ fileId, position: 0 }] } },
        });
        await requestDispatch({ tx });
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
    await stopBoss();
  }
  return {
    samples: SAMPLES,
    p50Ms: round(median(latencies)),
    p90Ms: round(percentile(latencies, 90)),
    maxMs: round(Math.max(...latencies)),
    goal: "p50 < 100 ms",
  };
}
