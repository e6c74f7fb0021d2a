import { getConfig } from "../../config";
import { getDb, type Prisma } from "../../db";
import { storedLocale } from "../../i18n/server-translator";
import { composeTaskPush } from "../../push/compose-task-push";
import { sendPush } from "../../push/send-push";
import type { JobPayload } from "../../queue/jobs";
import { sendJob } from "../../queue/send-job";
import { localizeTask } from "../localize-task";
import { isActiveStatus } from "../task-states";
import type { StoredTaskView } from "../task-view";
import { taskViewSql } from "../task-view-sql";

// Web Push: a notification on every device where the visitor turned "Notify me on this device" on.
// Queued in the transaction that makes the task final, one job per device, sent (and retried) by task-push.

/** Queues one push per device of the visitor for each task that has just ended; a pipeline only for its last step. */
export const pushChannel = {
  name: "push",
  async queue(tx: Prisma.TransactionClient, taskIds: string[]): Promise<void> {
    const rows = await tx.$queryRaw<{ subscriptionId: string; taskId: string; visitorId: string; task: StoredTaskView }[]>`
      SELECT s.id AS "subscriptionId", t.id AS "taskId", t.visitor_id AS "visitorId", ${taskViewSql()} AS task
      FROM tasks t JOIN push_subscriptions s ON s.visitor_id = t.visitor_id
      WHERE t.id = ANY(${taskIds}::text[]) AND NOT EXISTS (SELECT 1 FROM tasks later WHERE later.depends_on = t.id)`;
    for (const row of rows) {
      if (isActiveStatus(row.task.status)) continue;
      await sendJob("taskPush", row, { tx, retryDelaySeconds: getConfig().push.retryDelaySeconds });
    }
  },
};

/** Answers after which trying again could succeed: the push service is busy or failing. */
const isTemporary = (status: number) => status === 429 || status >= 500;

/**
 * Sends one task notification to one device, in the language of the page that subscribed. A push
 * service that no longer knows the device (404, 410) gets it removed; one that is busy or failing (429,
 * 5xx) or out of reach makes this throw, so pg-boss tries again later. Returns whether it was delivered.
 */
export async function deliverTaskPush(payload: JobPayload<"taskPush">): Promise<boolean> {
  const db = getDb();
  const subscription = await db.pushSubscription.findUnique({ where: { id: payload.subscriptionId } });
  if (!subscription || subscription.visitorId !== payload.visitorId) return false;
  const locale = storedLocale(subscription.locale);
  const message = composeTaskPush({ task: localizeTask(payload.task, locale), locale, origin: subscription.origin });
  const status = await sendPush(subscription, message);
  if (status >= 200 && status < 300) return true;
  if (status === 404 || status === 410) {
    await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
    return false;
  }
  if (isTemporary(status)) throw new Error(`push for task ${payload.taskId} to subscription ${subscription.id} failed: HTTP ${status}`);
  console.warn(`Push for task ${payload.taskId} to subscription ${subscription.id} refused with HTTP ${status}; not retried.`);
  return false;
}
