import { rm } from "node:fs/promises";
import { taskTimeLimitMinutes } from "../../config";
import { retryWhileUnreachable } from "../../database/retry-while-unreachable";
import { getDb } from "../../db";
import type { TaskType } from "../../generated/prisma/enums";
import { makeWorkDir } from "../../storage/temp-folders";
import { assertFreeSpace, getStorage } from "../../storage/get-storage";
import type { ProcessContext } from "../types/task-processor";
import { taskType } from "../types/task-types";
import { bufferTaskLog } from "./buffer-task-log";
import { finishTask, type TaskOutcome } from "./finish-task";
import { outcomeOfError, type AttemptOutcome } from "./outcome-of-error";
import { trackProgress } from "./track-progress";

/** Where an attempt's output is stored: derived from the task, its dispatch and its retry, so re-runs can find and replace it. */
const outputKey = (task: { id: string; type: TaskType; attempts: number }, retryCount: number) =>
  `outputs/${task.id}/${task.attempts}-${retryCount}.${taskType(task.type).output.extension}`;

/** Runs the task type's processor and stores its output under `key`; throws whatever processing throws. */
async function produce(context: ProcessContext, key: string): Promise<TaskOutcome> {
  await assertFreeSpace();
  const { process, output } = taskType(context.task.type);
  const { path, params, ...file } = await process(context);
  // Moved from the work folder into storage: renamed on local disk, uploaded to a bucket.
  const { size } = await getStorage().putFile(key, path);
  return { status: "completed", output: { ...file, kind: output.kind, mime: output.mime, storageKey: key, size }, params };
}

const isStillRunningUnder = async (taskId: string, jobId: string) =>
  (await getDb().task.count({ where: { id: taskId, jobId, status: "running" } })) > 0;

const isRecordedOutput = async (storageKey: string) => (await getDb().file.count({ where: { storageKey } })) > 0;

export type RunTaskOptions = { taskId: string; jobId: string; retryCount: number; signal: AbortSignal };

/** How a run ended: the final state it applied, skipped (not running under this job), or handed back to pg-boss. */
export type RunTaskResult = TaskOutcome["status"] | "skipped" | "handed-back";

/**
 * Runs one admitted task to its final state. Safe to run twice: a task that is no longer running
 * under this job is skipped, and the output becomes visible only with the final state change. An
 * abort while the task is still running under this job is the worker shutting down, not a cancel:
 * the result is "handed-back" and the caller gives the job back to pg-boss to run again.
 */
export async function runTask({ taskId, jobId, retryCount, signal }: RunTaskOptions): Promise<RunTaskResult> {
  const task = await getDb().task.findUnique({
    where: { id: taskId },
    include: { inputs: { include: { file: true }, orderBy: { position: "asc" } } },
  });
  if (!task || task.status !== "running" || task.jobId !== jobId) return "skipped";
  // An earlier attempt may have stored its output and died before the final state change.
  for (let earlier = 0; earlier < retryCount; earlier += 1) await getStorage().delete(outputKey(task, earlier));
  const timeoutMinutes = taskTimeLimitMinutes(task.type);
  const timeout = AbortSignal.timeout(timeoutMinutes * 60_000);
  const workDir = await makeWorkDir(`${taskId}-${task.attempts}-${retryCount}`);
  const progress = trackProgress({ taskId, jobId, message: { code: "starting" } });
  // Lines are stored in batches and never fail the work (the database may be restarting meanwhile).
  const logs = bufferTaskLog(taskId);
  const key = outputKey(task, retryCount);
  try {
    if (retryCount > 0) await logs.log("warn", { code: "running_again", params: { retry: retryCount } });
    const context = { task, workDir, signal: AbortSignal.any([signal, timeout]), progress, log: logs.log };
    let outcome: AttemptOutcome = await produce(context, key).catch((error: unknown) =>
      outcomeOfError({ error, taskId, aborted: signal.aborted, timedOut: timeout.aborted && !signal.aborted, timeoutMinutes }),
    );
    if (outcome.status === "cancelled" && (await isStillRunningUnder(taskId, jobId))) {
      outcome = { status: "handed-back", reason: "stopped while running" };
    }
    await progress.stop();
    if (outcome.status === "handed-back") {
      console.warn(`task ${taskId} handed back (${outcome.reason})`);
      await getStorage().delete(key);
      return "handed-back";
    }
    const finalOutcome = outcome;
    const logLines = await logs.take();
    // Finishing outlasts a short database outage; a lost commit acknowledgement is retried as "not
    // applied", so the output's bytes stay when its row did get recorded.
    const finished = await retryWhileUnreachable(`finishing task ${taskId}`, () => finishTask({ taskId, jobId, outcome: finalOutcome, logLines }));
    if (finished !== "completed" && !(finished === "skipped" && (await isRecordedOutput(key)))) await getStorage().delete(key);
    return finished;
  } catch (error) {
    await getStorage().delete(key);
    throw error;
  } finally {
    await logs.flush();
    await progress.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
