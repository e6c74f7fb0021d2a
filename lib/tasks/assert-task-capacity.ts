import { getConfig } from "../config";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import { activeStatuses } from "./task-states";

/** Refuses with too_many_tasks when the visitor already has the maximum of pending and running tasks. */
export async function assertTaskCapacity(tx: Prisma.TransactionClient, visitorId: string): Promise<void> {
  const active = await tx.task.count({ where: { visitorId, status: { in: [...activeStatuses] } } });
  if (active >= getConfig().limits.maxActiveTasks) throw new AppError("too_many_tasks");
}
