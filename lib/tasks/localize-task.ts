import type { Locale } from "../../i18n/routing";
import { taskTimeLimitMinutes } from "../config";
import { errorStatus, type ErrorCode } from "../errors";
import type { PipelineView, StoredTaskView } from "./task-view";
import { translateError } from "../i18n/translate-error";

/**
 * The task as a visitor reads it: its error message is the code's message in their language. The
 * worker's technical detail stays in the task's logs, never in the error a client shows.
 */
export function localizeTask<Task extends StoredTaskView>(task: Task, locale: Locale): Task {
  if (!task.error) return task;
  const code: ErrorCode = task.error.code in errorStatus ? (task.error.code as ErrorCode) : "processing_failed";
  const message = translateError(code, locale, code === "timeout" ? { minutes: taskTimeLimitMinutes(task.type) } : {});
  return { ...task, error: { code: task.error.code, message } };
}

/** The pipeline as a visitor reads it: each step localized as a task is. */
export function localizePipeline(pipeline: PipelineView, locale: Locale): PipelineView {
  return { ...pipeline, tasks: pipeline.tasks.map((task) => localizeTask(task, locale)) };
}
