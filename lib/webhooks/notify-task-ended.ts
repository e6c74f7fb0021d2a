import { getConfig } from "../config";
import type { Prisma } from "../db";
import { sendJob } from "../queue/send-job";
import { isActiveStatus } from "../tasks/task-states";
import type { TaskView } from "../tasks/task-view";
import { taskViewSql } from "../tasks/task-view-sql";

/**
 * Queues the completion webhook of a task that has just ended, if its visitor asked for one. Every
 * path that makes a task final calls this inside its own transaction, after the change: the webhook
 * is sent exactly when the final state commits, and describes the task as it was at that moment
 * (a later retry or delete of the task does not change what the receiver is told).
 */
export async function notifyTaskEnded({ tx, taskId }: { tx: Prisma.TransactionClient; taskId: string }): Promise<void> {
  const [row] = await tx.$queryRaw<{ task: TaskView | null; visitorId: string; notifyUrl: string | null }[]>`
    SELECT CASE WHEN t.notify_url IS NOT NULL THEN ${taskViewSql()} END AS task,
           t.visitor_id AS "visitorId", t.notify_url AS "notifyUrl"
    FROM tasks t WHERE t.id = ${taskId}`;
  if (!row?.task || !row.notifyUrl || isActiveStatus(row.task.status)) return;
  const event = { type: `task.${row.task.status}` as const, timestamp: new Date().toISOString(), data: { task: row.task } };
  await sendJob(
    "taskWebhook",
    { taskId, visitorId: row.visitorId, notifyUrl: row.notifyUrl, event },
    { tx, retryDelaySeconds: getConfig().webhooks.retryDelaySeconds },
  );
}
