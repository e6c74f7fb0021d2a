import type { Prisma } from "../../db";
import { emailChannel } from "./email-channel";
import { pushChannel } from "./push-channel";
import { webhookChannel } from "./webhook-channel";

/**
 * A way a visitor hears that tasks ended. `queue` runs inside the transaction that made them final, so
 * whatever it sends (a job) goes out exactly when the final state commits, and not if it rolls back.
 */
export type TaskEndChannel = { name: string; queue(tx: Prisma.TransactionClient, taskIds: string[]): Promise<void> };

/** Every channel: a new one is its own file and one entry here. */
const channels: TaskEndChannel[] = [webhookChannel, emailChannel, pushChannel];

/**
 * The one place where tasks that have just ended fan out to every channel. Every path that makes a task
 * final (finishing, cancelling, a pipeline's later steps cancelled with it) calls this in its own
 * transaction, after the change.
 */
export async function notifyTaskEnded({ tx, taskIds }: { tx: Prisma.TransactionClient; taskIds: string[] }): Promise<void> {
  if (taskIds.length === 0) return;
  for (const channel of channels) await channel.queue(tx, taskIds);
}
