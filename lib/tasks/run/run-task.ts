import { rm } from "node:fs/promises";
import type { PgBoss } from "pg-boss";
import { retryWhileUnreachable } from "../../database/retry-while-unreachable";
import { getDb } from "../../db";
import { makeWorkDir } from "../../retention/make-work-dir";
import { assertFreeSpace } from "../../storage/assert-free-space";
import { getStorage } from "../../storage/get-storage";
import { appendTaskLog } from "../append-task-log";
import { finishTask, type TaskOutcome } from "./finish-task";
import { outcomeOfError } from "./outcome-of-error";
import { outputKey } from "./output-key";
import { processTask } from "./processors/process-task";
import { storeOutput } from "./store-output";
import { taskTimeoutMs } from "./task-timeout-ms";
import { trackProgress } from "./track-progress";

const isRecordedOutput = async (storageKey: string) => (await getDb().file.count({ where: { storageKey } })) > 0;

export type RunTaskOptions = { boss: PgBoss; taskId: string; jobId: string; retryCount: number; signal: AbortSignal };

export type RunTaskResult = "skipped" | "completed" | "failed" | "cancelled";

/**
 * Runs one admitted task to its final state. Safe to run twice: a task that is no longer running
 * under this job is skipped, and the output becomes visible only with the final state change.
 * Throws only when the job should be handed back (the worker is shutting down mid-task).
 */
export async function runTask({ boss, taskId, jobId, retryCount, signal }: RunTaskOptions): Promise<RunTaskResult> {
  const db = getDb();
  const task = await db.task.findUnique({
    where: { id: taskId },
    include: { inputs: { include: { file: true }, orderBy: { position: "asc" } } },
  });
  if (!task || task.status !== "running" || task.jobId !== jobId) return "skipped";
  // A lost log line is no reason to fail the work (the database may be restarting meanwhile).
  const log = (level: "info" | "warn" | "error", message: string) =>
    appendTaskLog({ taskId, level, message }).catch((error: unknown) => console.error(`log line of task ${taskId} not saved:`, error));
  if (retryCount > 0) {
    await log("warn", `Running again after an interrupted attempt (retry ${retryCount})`);
    // An earlier attempt may have stored its output and died before the final state change.
    for (let earlier = 0; earlier < retryCount; earlier += 1) await getStorage().delete(outputKey(task, earlier));
  }
  const timeoutMs = taskTimeoutMs(task.type);
  const timeout = AbortSignal.timeout(timeoutMs);
  const aborted = AbortSignal.any([signal, timeout]);
  const workDir = await makeWorkDir(`${taskId}-${task.attempts}-${retryCount}`);
  const progress = trackProgress({ taskId, jobId, message: "Starting" });
  const storageKey = { current: "" };
  try {
    let outcome: TaskOutcome;
    try {
      await assertFreeSpace();
      const { path, ...file } = await processTask({ task, workDir, signal: aborted, progress, log });
      storageKey.current = outputKey(task, retryCount);
      const size = await storeOutput({ path, key: storageKey.current });
      outcome = { status: "completed", output: { ...file, storageKey: storageKey.current, size }, message: "Completed" };
    } catch (error) {
      outcome = await outcomeOfError({
        error, taskId, jobId, aborted: signal.aborted, timedOut: timeout.aborted && !signal.aborted, timeoutMs,
      });
    }
    await progress.stop();
    // Finishing outlasts a short database outage; a lost commit acknowledgement is retried as "not
    // applied", so the output's bytes stay when its row did get recorded.
    const finished = await retryWhileUnreachable(`finishing task ${taskId}`, () => finishTask({ boss, taskId, jobId, outcome }));
    if (finished !== "completed" && storageKey.current && !(await isRecordedOutput(storageKey.current))) {
      await getStorage().delete(storageKey.current);
    }
    return finished;
  } catch (error) {
    if (storageKey.current) await getStorage().delete(storageKey.current);
    throw error;
  } finally {
    await progress.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
