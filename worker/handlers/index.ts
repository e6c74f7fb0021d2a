import type { JobName } from "../../lib/queue/jobs";
import { fileThumbnailHandler } from "./file-thumbnail";
import type { Handler } from "./handler";
import { retentionSweepHandler } from "./retention-sweep";
import { taskDispatchHandler } from "./task-dispatch";
import { taskRunDeadLetterHandler } from "./task-run-dead-letter";
import { taskRunHandler } from "./task-run";

/** Every queue's handler. The type makes a missing one a compile error; main.ts checks again at start-up. */
export const handlers: Record<JobName, Handler> = {
  "task-dispatch": taskDispatchHandler,
  "task-run": taskRunHandler,
  "task-run-dead-letter": taskRunDeadLetterHandler,
  "file-thumbnail": fileThumbnailHandler,
  "retention-sweep": retentionSweepHandler,
};
