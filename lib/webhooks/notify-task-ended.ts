import { getConfig } from "../config";
import type { Prisma } from "../db";
import { sendJob } from "../queue/send-job";
import { isActiveStatus } from "../tasks/task-states";
import type { TaskView } from "../tasks/task-view";
import { taskViewSql } from "../tasks/task-view-sql";

/**
 * Queues the completion webhooks of tasks that have just ended, for those whose visitor asked for one.
 * Every path that makes a task final calls this inside its own transaction, after the change: the
 * webhook is sent exactly when the final state commits, and describes the task as it was at that
 * moment (a later retry or delete of the task does not change what the receiver is told).
 */
export async function notifyTaskEnded({ tx, taskIds }: { tx: Prisma.TransactionClient; taskIds: string[] }): Promise<void> {
  if (taskIds.length === 0) return;
  const rows = await tx.$queryRaw<{ taskId: string; task: TaskView; visitorId: string; notifyUrl: string }[]>`
    SELECT t.id AS "taskId", ${taskViewSql()} AS task, t.visitor_id AS "visitorId", t.notify_url AS "notifyUrl"
    FROM tasks t WHERE t.id = ANY(${taskIds}::text[]) AND t.notify_url IS NOT NULL`;
  for (const row of rows) {
    if (isActiveStatus(row.task.status)) continue;
    const event = { type: `task.${row.task.status}` as const, timestamp: new Date().toISOString(), data: { task: row.task } };
    await sendJob(
      "taskWebhook",
      { taskId: row.taskId, visitorId: row.visitorId, notifyUrl: row.notifyUrl, event },
      { tx, retryDelaySeconds: getConfig().webhooks.retryDelaySeconds },
    );
  }
}
