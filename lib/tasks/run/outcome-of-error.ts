import { getDb } from "../../db";
import { AppError } from "../../errors";
import { isDiskFull } from "../../storage/is-disk-full";
import type { TaskOutcome } from "./finish-task";
import { redactPaths } from "./redact-paths";

/** Codes that mean the task itself cannot succeed, so it fails at once without a retry. */
const FINAL_CODES = new Set(["invalid_input", "media_limits", "invalid_params", "expired", "processing_failed"]);

/**
 * What a processing error means for the task. An abort while the task is still running under this
 * job is a shutdown, not a cancel: that rethrows so pg-boss hands the job back.
 */
export async function outcomeOfError(options: {
  error: unknown;
  taskId: string;
  jobId: string;
  aborted: boolean;
  timedOut: boolean;
  timeoutMs: number;
}): Promise<TaskOutcome> {
  const { error, taskId, jobId } = options;
  if (options.timedOut) {
    const minutes = Math.round((options.timeoutMs / 60_000) * 100) / 100;
    return { status: "failed", code: "timeout", message: `Stopped after the ${minutes}-minute time limit` };
  }
  if (options.aborted) {
    const task = await getDb().task.findUnique({ where: { id: taskId }, select: { status: true, jobId: true } });
    if (task?.status === "running" && task.jobId === jobId) throw new Error("stopped while running; handing the job back");
    return { status: "cancelled", message: "Cancelled" };
  }
  // ffmpeg was killed from outside (a stopping machine): hand the job back to be retried.
  if (error instanceof AppError && error.code === "unavailable") throw error;
  // A full disk is usually passing: the task fails clearly, and the visitor can retry it later.
  if (isDiskFull(error)) return { status: "failed", code: "storage_full", message: "The server ran out of storage space" };
  if (error instanceof AppError && FINAL_CODES.has(error.code)) {
    return { status: "failed", code: error.code, message: redactPaths(error.message) };
  }
  console.error(`task ${taskId} failed:`, error);
  return { status: "failed", code: "processing_failed", message: redactPaths(error instanceof Error ? error.message : String(error)).slice(0, 500) };
}
