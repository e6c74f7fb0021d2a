import { z } from "zod";
import { storedTaskViewSchema } from "../tasks/task-view";

/**
 * Every pg-boss queue the product uses, with its payload schema. The web app sends to these
 * without importing any processing code; worker/handlers/ consume them.
 *
 * Tasks are admitted by a dispatcher so that the running caps hold exactly across worker
 * processes: creating or retrying a task sends `task-dispatch` in the same transaction as the
 * task row; the dispatcher (under an advisory lock) marks the tasks that fit as running and sends
 * each its `task-run` job.
 */
export const jobs = {
  taskDispatch: { name: "task-dispatch", payload: z.object({ reason: z.string().max(64).optional() }) },
  taskRun: { name: "task-run", payload: z.object({ taskId: z.string().min(1) }) },
  /** Receives `task-run` jobs whose retries ran out (the worker kept dying), so their task can fail. */
  taskRunDeadLetter: { name: "task-run-dead-letter", payload: z.object({ taskId: z.string().min(1) }) },
  fileThumbnail: { name: "file-thumbnail", payload: z.object({ fileId: z.string().min(1) }) },
  /** Watermark detection of an uploaded video, sent after its thumbnail. */
  fileWatermarks: { name: "file-watermarks", payload: z.object({ fileId: z.string().min(1) }) },
  /** Renders one watermark preview (a frame before and after removal); outside the task queue. */
  watermarkPreview: { name: "watermark-preview", payload: z.object({ previewId: z.string().min(1) }) },
  retentionSweep: { name: "retention-sweep", payload: z.object({}).passthrough() },
  /** One completion webhook: the event as it was when the task ended, sent (and retried) as is. */
  taskWebhook: {
    name: "task-webhook",
    payload: z.object({
      taskId: z.string().min(1),
      visitorId: z.string().min(1),
      notifyUrl: z.string().min(1),
      /** The language of the request that asked for the webhook (absent for jobs queued before it was kept: English). */
      locale: z.string().max(16).optional(),
      event: z.object({
        type: z.enum(["task.completed", "task.failed", "task.cancelled"]),
        timestamp: z.string(),
        // As the database held it when the task ended (no place in line or time left: it has ended).
        data: z.object({ task: storedTaskViewSchema }),
      }),
    }),
  },
  /** One task mail to a visitor who asked for them: the task as it was when it ended. */
  taskEmail: {
    name: "task-email",
    payload: z.object({ taskId: z.string().min(1), visitorId: z.string().min(1), task: storedTaskViewSchema }),
  },
  /** One push to one device of a visitor: the task as it was when it ended. */
  taskPush: {
    name: "task-push",
    payload: z.object({ subscriptionId: z.string().min(1), taskId: z.string().min(1), visitorId: z.string().min(1), task: storedTaskViewSchema }),
  },
} as const;

export type JobKey = keyof typeof jobs;
export type JobName = (typeof jobs)[JobKey]["name"];
export type JobPayload<K extends JobKey> = z.infer<(typeof jobs)[K]["payload"]>;
