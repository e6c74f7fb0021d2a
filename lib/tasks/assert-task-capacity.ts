import { getConfig } from "../config";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import { activeStatuses } from "./task-states";

/**
 * Refuses with too_many_tasks when `adding` more pending tasks (a pipeline's steps, a retried step with
 * the steps after it) would take the visitor past the maximum of pending and running tasks.
 */
export async function assertTaskCapacity(tx: Prisma.TransactionClient, visitorId: string, adding = 1): Promise<void> {
  const active = await tx.task.count({ where: { visitorId, status: { in: [...activeStatuses] } } });
  if (active + adding > getConfig().limits.maxActiveTasks) throw new AppError("too_many_tasks");
}
