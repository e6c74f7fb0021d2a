import { fromPrisma } from "pg-boss";
import type { Prisma } from "../db";
import { getBoss } from "./get-boss";
import { jobs, type JobKey, type JobPayload } from "./jobs";

export type SendJobOptions = {
  /** Send inside this Prisma transaction, so the job exists exactly when the caller's rows commit. */
  tx?: Prisma.TransactionClient;
  /** Jobs with the same key collapse into one while one is queued (on queues with a stately policy). */
  singletonKey?: string;
  /** This job's first retry delay, instead of its queue's. */
  retryDelaySeconds?: number;
};

/**
 * Sends one job, its payload checked against the job's schema first: a malformed payload is the
 * sender's bug and fails here, not later in a worker. Returns the job's id (null when collapsed).
 */
export async function sendJob<K extends JobKey>(job: K, payload: JobPayload<K>, options: SendJobOptions = {}): Promise<string | null> {
  const data = jobs[job].payload.parse(payload);
  const boss = await getBoss();
  return boss.send(jobs[job].name, data, {
    singletonKey: options.singletonKey,
    // pg-boss refuses a present but undefined retryDelay.
    ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
    db: options.tx && fromPrisma(options.tx),
  });
}

/** Sends many jobs of one kind in one insert (each payload checked), with the ids the caller chose. */
export async function insertJobs<K extends JobKey>(
  job: K,
  items: { id: string; payload: JobPayload<K> }[],
  options: Pick<SendJobOptions, "tx"> = {},
): Promise<void> {
  const rows = items.map((item) => ({ id: item.id, data: jobs[job].payload.parse(item.payload) }));
  const boss = await getBoss();
  await boss.insert(jobs[job].name, rows, { db: options.tx && fromPrisma(options.tx) });
}
