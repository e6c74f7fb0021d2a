import type { PgBoss, Queue } from "pg-boss";
import { jobs, type JobName } from "./jobs";

type QueueOptions = Omit<Queue, "name">;

/**
 * How each queue behaves. Created idempotently by every process before it sends or works; a
 * dead-letter queue comes before the queue that names it. `notify` wakes idle workers at once
 * (LISTEN/NOTIFY) instead of at their next poll.
 */
export const queueOptions: Record<JobName, QueueOptions> = {
  [jobs.taskRunDeadLetter.name]: { retryLimit: 5, retryDelay: 2, expireInSeconds: 60 },
  // One queued wake-up is enough: a dispatch run admits everything that fits at that moment.
  [jobs.taskDispatch.name]: { policy: "stately", retryLimit: 5, retryDelay: 1, expireInSeconds: 60, notify: true },
  // The heartbeat lets cancel() reach the running handler within about a second, and lets a
  // dead worker's job be failed 10 s (pg-boss's shortest heartbeat) after its last beat; its retry
  // is due at once, as a crash says nothing about the task, and the next poll finds it: the task
  // runs again elsewhere within about 13 s. No NOTIFY on every insert: it would wake every idle loop
  // on every host for each job; the dispatcher wakes loops itself (wakeWorkers).
  [jobs.taskRun.name]: {
    retryLimit: 2,
    retryDelay: 0,
    retryBackoff: false,
    heartbeatSeconds: 10,
    expireInSeconds: 60 * 60 * 4,
    deadLetter: jobs.taskRunDeadLetter.name,
    notify: false,
  },
  [jobs.fileThumbnail.name]: { retryLimit: 2, retryDelay: 2, expireInSeconds: 120, notify: true },
  [jobs.fileWatermarks.name]: { retryLimit: 2, retryDelay: 5, expireInSeconds: 900, notify: true },
  // A preview is wanted within seconds or not at all: one retry, and a short expiry.
  [jobs.watermarkPreview.name]: { retryLimit: 1, retryDelay: 1, expireInSeconds: 60, notify: true },
  [jobs.retentionSweep.name]: { policy: "singleton", retryLimit: 1, expireInSeconds: 600 },
  // 7 attempts. With backoff the n-th retry waits retryDelay × 2^(n-1) to twice that, so with the
  // default 60 s (each job carries WEBHOOK_RETRY_DELAY_SECONDS) the last attempt comes 63 to 126
  // minutes after the first. An attempt lasts at most 15 s.
  [jobs.taskWebhook.name]: { retryLimit: 6, retryDelay: 60, retryBackoff: true, expireInSeconds: 60, notify: true },
  // A mail server that is down gets 8 attempts over about two hours (with the default 30 s that each job
  // carries as EMAIL_RETRY_DELAY_SECONDS, doubling); an attempt is cut off by the SMTP timeouts well within the expiry.
  [jobs.taskEmail.name]: { retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 120, notify: true },
  // A push service that is busy (429) or failing (5xx) gets 8 attempts over about two hours, as mail does
  // (PUSH_RETRY_DELAY_SECONDS, doubling); an attempt gives up after 15 s of silence.
  [jobs.taskPush.name]: { retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 60, notify: true },
};

/**
 * Creates missing queues and brings existing ones up to date (a database created by an earlier
 * version keeps working; the policy and heartbeat of an existing queue cannot change).
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const [name, options] of Object.entries(queueOptions)) {
    if (!existing.has(name)) {
      await boss.createQueue(name, options);
      continue;
    }
    const { retryLimit, retryDelay, retryBackoff, expireInSeconds, deadLetter, notify } = options;
    const updatable = { retryLimit, retryDelay, retryBackoff, expireInSeconds, deadLetter, notify };
    await boss.updateQueue(name, Object.fromEntries(Object.entries(updatable).filter(([, value]) => value !== undefined)));
  }
}
