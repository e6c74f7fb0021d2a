import { AppError, type ErrorCode } from "../../errors";
import { isDiskFull } from "../../storage/free-space";
import type { TaskFailureCode } from "../task-states";
import { failure, type TaskOutcome } from "./finish-task";

const ABSOLUTE_PATH = /(?:\/[^\s/'":,()]+)+\/([^\s/'":,()]+)/g;

/** Technical text with every absolute path cut to its last part, so logs never reveal the server's folders. */
export function redactPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, "$1");
}

/** What becomes of an attempt: the task finishes with an outcome, or the job goes back to pg-boss. */
export type AttemptOutcome = TaskOutcome | { status: "handed-back"; reason: string };

/** Codes that mean the task itself cannot succeed, so it fails at once without a retry. */
const FINAL_CODES = new Set<ErrorCode>(["invalid_input", "media_limits", "invalid_params", "no_watermark_found", "expired", "processing_failed"]);

const isFinalCode = (code: ErrorCode): code is TaskFailureCode => FINAL_CODES.has(code);

/**
 * What a processing error means for the task. An abort comes out as "cancelled": the caller, which
 * knows whether the task is still running under its job, turns a shutdown into a hand-back.
 */
export function outcomeOfError(options: { error: unknown; taskId: string; aborted: boolean; timedOut: boolean; timeoutMinutes: number }): AttemptOutcome {
  const { error, taskId } = options;
  if (options.timedOut) {
    const minutes = Math.round(options.timeoutMinutes * 100) / 100;
    return failure("timeout", { code: "time_limit", params: { minutes } });
  }
  if (options.aborted) return { status: "cancelled" };
  // ffmpeg was killed from outside (a stopping machine): hand the job back to be retried.
  if (error instanceof AppError && error.code === "unavailable") return { status: "handed-back", reason: error.message };
  // A full disk is usually passing: the task fails clearly, and the visitor can retry it later.
  if (isDiskFull(error)) return failure("storage_full", { code: "out_of_storage" });
  if (error instanceof AppError && isFinalCode(error.code)) {
    return { status: "failed", code: error.code, message: redactPaths(error.message) };
  }
  console.error(`task ${taskId} failed:`, error);
  return { status: "failed", code: "processing_failed", message: redactPaths(error instanceof Error ? error.message : String(error)).slice(0, 500) };
}
