import { taskTimeoutMinutes as timeoutOf } from "../tasks/task-timeout-minutes";

/** The time limit of each task type in minutes, for messages that name it. */
export function taskTimeoutMinutes(): { watermark: number; merge: number; thumbnail: number } {
  return { watermark: timeoutOf("watermark"), merge: timeoutOf("merge"), thumbnail: timeoutOf("thumbnail") };
}
