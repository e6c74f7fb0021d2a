/**
 * Submit → running latency with a free slot: one worker process, tasks submitted one at a time
 * (task row + dispatch wake-up in one transaction, as the API does); measured from just before the
 * submitting transaction to the task's startedAt. Goal: p50 < 100 ms.
 */
import { median, percentile, round } from "./support/measure";
import { submitLatencyMs } from "./support/submit-latency";
import { taskBenchSetup } from "./support/task-bench-setup";

const SAMPLES = 40;

export default async function benchSubmitLatency() {
  const { db, stopBoss, pairs, requestDispatch, startWorker } = await taskBenchSetup(1);
  const [[visitorId, fileId]] = pairs as [[string, string]];
  const worker = await startWorker();
  const latencies: number[] = [];
  try {
    for (let sample = 0; sample < SAMPLES + 3; sample += 1) {
      const latency = await submitLatencyMs({ db, requestDispatch, visitorId, fileId });
      if (sample >= 3) latencies.push(latency);
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
