import type { JobName } from "../../lib/queue/jobs";
import { fileThumbnailHandler } from "./file-thumbnail";
import { fileWatermarksHandler } from "./file-watermarks";
import type { QueueHandler } from "../../lib/queue/work-queues";
import { retentionSweepHandler } from "./retention-sweep";
import { taskDispatchHandler } from "./task-dispatch";
import { taskEmailHandler } from "./task-email";
import { taskPushHandler } from "./task-push";
import { taskRunDeadLetterHandler } from "./task-run-dead-letter";
import { taskRunHandler } from "./task-run";
import { taskWebhookHandler } from "./task-webhook";
import { watermarkPreviewHandler } from "./watermark-preview";

/** Every queue's handler. The type makes a missing one a compile error; main.ts checks again at start-up. */
export const handlers: Record<JobName, QueueHandler> = {
  "task-dispatch": taskDispatchHandler,
  "task-run": taskRunHandler,
  "task-run-dead-letter": taskRunDeadLetterHandler,
  "file-thumbnail": fileThumbnailHandler,
  "file-watermarks": fileWatermarksHandler,
  "watermark-preview": watermarkPreviewHandler,
  "retention-sweep": retentionSweepHandler,
  "task-webhook": taskWebhookHandler,
  "task-email": taskEmailHandler,
  "task-push": taskPushHandler,
};
