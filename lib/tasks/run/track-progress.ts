import { reportProgress } from "./report-progress";

/** Progress is written on this beat: at most once a second, and so at least every 2 s while running. */
const WRITE_INTERVAL_MS = 1_000;

export type ProgressTracker = {
  update(percent: number, message?: string): void;
  stop(): Promise<void>;
};

/** Collects a running task's progress in memory and writes the latest state once a second. */
export function trackProgress(options: { taskId: string; jobId: string; message: string }): ProgressTracker {
  let percent = 0;
  let message = options.message;
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    writing = writing
      .then(() => reportProgress({ taskId: options.taskId, jobId: options.jobId, percent, message }))
      .catch((error: unknown) => console.error(`progress of task ${options.taskId} not saved:`, error));
  }, WRITE_INTERVAL_MS);
  return {
    update(nextPercent, nextMessage) {
      percent = Math.max(percent, nextPercent);
      if (nextMessage) message = nextMessage;
    },
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}
