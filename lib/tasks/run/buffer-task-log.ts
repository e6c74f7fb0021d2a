import { appendTaskLog, taskLogLine, type TaskLogLevel, type TaskLogLine } from "../append-task-log";
import type { TaskMessage } from "../task-message";

/** Lines written while a task runs are stored on this beat; the rest go in with the task's final state. */
const FLUSH_INTERVAL_MS = 1_000;

export type TaskLogBuffer = {
  /** Writes a line down (its time is now); it is stored within a second, or with the final state. */
  log(level: TaskLogLevel, message: TaskMessage): Promise<void>;
  /** Stops the beat and hands over the lines not stored yet (finishTask stores them with the outcome). */
  take(): Promise<TaskLogLine[]>;
  /** Stops the beat and stores what is left now (when the run ends without a final state). */
  flush(): Promise<void>;
};

/**
 * A running task's log lines, stored in batches: a short task's lines cost no round trip of their
 * own (they commit with its final state), a long task's appear within a second. A line that could
 * not be stored (the database restarting) stays for the next try; it never fails the work.
 */
export function bufferTaskLog(taskId: string): TaskLogBuffer {
  let pending: TaskLogLine[] = [];
  let storing: Promise<void> = Promise.resolve();
  const store = () => {
    storing = storing.then(async () => {
      if (pending.length === 0) return;
      const lines = pending;
      pending = [];
      try {
        await appendTaskLog({ lines });
      } catch (error) {
        pending = [...lines, ...pending];
        console.error(`log lines of task ${taskId} not saved yet:`, error);
      }
    });
    return storing;
  };
  const timer = setInterval(() => void store(), FLUSH_INTERVAL_MS);
  return {
    async log(level, message) {
      pending.push(taskLogLine(taskId, level, message));
    },
    async take() {
      clearInterval(timer);
      await storing;
      const lines = pending;
      pending = [];
      return lines;
    },
    async flush() {
      clearInterval(timer);
      await store();
    },
  };
}
