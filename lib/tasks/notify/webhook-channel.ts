import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { getConfig } from "../../config";
import { getDb, type Prisma } from "../../db";
import { storedLocale } from "../../i18n/server-translator";
import { ensureWebhookSecret } from "../../identity/ensure-webhook-secret";
import { jobs, type JobPayload } from "../../queue/jobs";
import { queueOptions } from "../../queue/queue-options";
import { sendJob } from "../../queue/send-job";
import { postWebhook, WEBHOOK_TIMEOUT_MS } from "../../webhooks/post-webhook";
import { appendTaskLog, type TaskLogLevel } from "../append-task-log";
import { localizeTask } from "../localize-task";
import type { TaskMessage, TaskMessageParams } from "../task-message";
import { isActiveStatus } from "../task-states";
import type { StoredTaskView } from "../task-view";
import { taskViewSql } from "../task-view-sql";

// Completion webhooks: the channel a task's notifyUrl asks for. Queued in the transaction that makes
// the task final, delivered by the task-webhook job, signed per Standard Webhooks.

/**
 * Queues the webhooks of tasks that have just ended, for those whose visitor asked for one. The event
 * describes the task as it was at that moment: a later retry or delete of the task does not change what
 * the receiver is told.
 */
export const webhookChannel = {
  name: "webhook",
  async queue(tx: Prisma.TransactionClient, taskIds: string[]): Promise<void> {
    const rows = await tx.$queryRaw<{ taskId: string; task: StoredTaskView; visitorId: string; notifyUrl: string; locale: string | null }[]>`
      SELECT t.id AS "taskId", ${taskViewSql()} AS task, t.visitor_id AS "visitorId", t.notify_url AS "notifyUrl", t.notify_locale AS locale
      FROM tasks t WHERE t.id = ANY(${taskIds}::text[]) AND t.notify_url IS NOT NULL`;
    for (const row of rows) {
      if (isActiveStatus(row.task.status)) continue;
      const event = { type: `task.${row.task.status}` as const, timestamp: new Date().toISOString(), data: { task: row.task } };
      await sendJob(
        "taskWebhook",
        { taskId: row.taskId, visitorId: row.visitorId, notifyUrl: row.notifyUrl, locale: row.locale ?? undefined, event },
        { tx, retryDelaySeconds: getConfig().webhooks.retryDelaySeconds },
      );
    }
  },
};

/** Every attempt a webhook gets: the first and its queue's retries. */
const attemptsInAll = (queueOptions[jobs.taskWebhook.name].retryLimit ?? 0) + 1;

export type WebhookAttempt = {
  /** The delivery's id (webhook-id): the same on every attempt, so receivers can drop duplicates. */
  webhookId: string;
  /** 1 for the first attempt. */
  attempt: number;
  payload: JobPayload<"taskWebhook">;
  /** Resolves host names instead of the system resolver (tests). */
  lookup?: LookupFunction;
};

/** Why an attempt failed, for its log line: a time-out in our own words, anything else as the error says it. */
function describeError(error: unknown): TaskMessageParams {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { reason: "no_answer_within", seconds: WEBHOOK_TIMEOUT_MS / 1000 };
  return { detail: error instanceof Error ? error.message : String(error) };
}

async function logAttempt(taskId: string, level: TaskLogLevel, message: TaskMessage): Promise<void> {
  // A task deleted since it ended still gets its webhook, but has no log left to write to.
  if ((await getDb().task.count({ where: { id: taskId } })) === 0) return;
  await appendTaskLog({ taskId, level, message });
}

/**
 * One attempt at a completion webhook: the event (in the language of the request that asked for it) signed per Standard
 * Webhooks with the visitor's secret and POSTed to the task's notifyUrl. Each attempt is a line in the
 * task's log. Throws unless the receiver answered 2xx, so pg-boss tries again later (with backoff).
 * Returns false when there is no one to deliver for any more (the visitor is gone).
 */
export async function deliverTaskWebhook({ webhookId, attempt, payload, lookup }: WebhookAttempt): Promise<boolean> {
  const secret = await ensureWebhookSecret({ visitorId: payload.visitorId });
  if (!secret) return false;
  const { event } = payload;
  const body = JSON.stringify({ ...event, data: { task: localizeTask(event.data.task, storedLocale(payload.locale ?? "")) } });
  const sentAt = new Date();
  const headers = {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(webhookId, sentAt, body),
  };
  const allowPrivateNetworks = getConfig().webhooks.allowPrivateNetworks;
  const outcome = await postWebhook({ url: payload.notifyUrl, body, headers, allowPrivateNetworks, lookup }).then(
    (status) => ({ ok: status >= 200 && status < 300, why: { detail: `HTTP ${status}` } as TaskMessageParams }),
    (error: unknown) => ({ ok: false, why: describeError(error) }),
  );
  const which = { event: event.type, attempt, attempts: attemptsInAll, ...outcome.why };
  if (outcome.ok) {
    await logAttempt(payload.taskId, "info", { code: "webhook_delivered", params: which });
    return true;
  }
  await logAttempt(payload.taskId, "warn", { code: "webhook_failed", params: { ...which, again: attempt < attemptsInAll ? "yes" : "no" } });
  throw new Error(`webhook ${webhookId} for task ${payload.taskId} failed: ${outcome.why.detail ?? "no answer in time"}`);
}
