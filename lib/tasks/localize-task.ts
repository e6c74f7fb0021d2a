import type { Locale } from "../../i18n/routing";
import { taskTimeLimitMinutes } from "../config";
import { errorStatus, type ErrorCode } from "../errors";
import type { PipelineView, StoredTaskView } from "./task-view";
import { translateError } from "../i18n/translate-error";
import { localizeTaskMessage } from "./task-message";

/**
 * The task as a visitor reads it: its message in their language (a text-only message as stored), and
 * its error message the code's message in their language. The worker's technical detail stays in the
 * task's logs, never in the error a client shows.
 */
export function localizeTask<Task extends StoredTaskView>(task: Task, locale: Locale): Task {
  const message = localizeTaskMessage({ message: task.message, code: task.messageCode ?? null, params: task.messageParams }, locale);
  const localized = { ...task, message, messageCode: undefined, messageParams: undefined };
  if (!task.error) return localized;
  const code: ErrorCode = task.error.code in errorStatus ? (task.error.code as ErrorCode) : "processing_failed";
  const error = translateError(code, locale, code === "timeout" ? { minutes: taskTimeLimitMinutes(task.type) } : {});
  return { ...localized, error: { code: task.error.code, message: error } };
}

/** The pipeline as a visitor reads it: each step localized as a task is. */
export function localizePipeline(pipeline: PipelineView, locale: Locale): PipelineView {
  return { ...pipeline, tasks: pipeline.tasks.map((task) => localizeTask(task, locale)) };
}
