import type { TaskType } from "../../generated/prisma/enums";

const EXTENSIONS: Record<TaskType, string> = { watermark: "mp4", merge: "mp4", thumbnail: "webp" };

/** Where an attempt's output is stored: derived from the task, its dispatch and its retry, so re-runs can find and replace it. */
export function outputKey(task: { id: string; type: TaskType; attempts: number }, retryCount: number): string {
  return `outputs/${task.id}/${task.attempts}-${retryCount}.${EXTENSIONS[task.type]}`;
}
