import { randomUUID } from "node:crypto";
import { emailSettings, getConfig } from "../../config";
import { getDb, type Prisma } from "../../db";
import { composeTaskEmail } from "../../email/compose-task-email";
import { sha256 } from "../../email/email-secrets";
import { storedLocale } from "../../i18n/server-translator";
import { sendEmail } from "../../email/send-email";
import type { JobPayload } from "../../queue/jobs";
import { sendJob } from "../../queue/send-job";
import { localizeTask } from "../localize-task";
import { isActiveStatus } from "../task-states";
import type { StoredTaskView } from "../task-view";
import { taskViewSql } from "../task-view-sql";

// Task mails: for visitors who confirmed an address and left "email me when a task finishes" on.
// Queued in the transaction that makes the task final, sent (and retried) by the task-email job.

/**
 * Queues one mail per task that has just ended, for visitors who want them. A pipeline mails once, for
 * its last step (which ends last: when an earlier step fails, the later ones are cancelled with it).
 */
export const emailChannel = {
  name: "email",
  async queue(tx: Prisma.TransactionClient, taskIds: string[]): Promise<void> {
    if (!emailSettings()) return;
    const rows = await tx.$queryRaw<{ taskId: string; visitorId: string; task: StoredTaskView }[]>`
      SELECT t.id AS "taskId", t.visitor_id AS "visitorId", ${taskViewSql()} AS task
      FROM tasks t JOIN visitor_emails e ON e.visitor_id = t.visitor_id AND e.confirmed AND e.notify
      WHERE t.id = ANY(${taskIds}::text[]) AND NOT EXISTS (SELECT 1 FROM tasks later WHERE later.depends_on = t.id)`;
    for (const row of rows) {
      if (isActiveStatus(row.task.status)) continue;
      await sendJob("taskEmail", row, { tx, retryDelaySeconds: getConfig().email.retryDelaySeconds });
    }
  },
};

/**
 * Sends one task mail in the visitor's language, with a one-click unsubscribe link (RFC 8058) of its
 * own. Throws when the mail server refuses or does not answer, so pg-boss tries again later. Returns
 * false when there is no one to mail any more (address removed, mails turned off, visitor gone).
 */
export async function deliverTaskEmail(payload: JobPayload<"taskEmail">): Promise<boolean> {
  const db = getDb();
  const email = await db.visitorEmail.findUnique({ where: { visitorId: payload.visitorId } });
  if (!emailSettings() || !email?.confirmed || !email.notify) return false;
  const token = randomUUID();
  await db.emailUnsubscribe.create({ data: { tokenHash: sha256(token), visitorId: payload.visitorId } });
  const unsubscribeUrl = `${email.origin}/api/email/unsubscribe/${token}`;
  const locale = storedLocale(email.locale);
  const { subject, text } = composeTaskEmail({ task: localizeTask(payload.task, locale), locale, origin: email.origin, unsubscribeUrl });
  await sendEmail({
    to: email.address,
    subject,
    text,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return true;
}
