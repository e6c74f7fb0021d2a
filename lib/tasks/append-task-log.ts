import { getDb, type Prisma } from "../db";
import type { LogLevel } from "../generated/prisma/enums";

export type TaskLogLevel = LogLevel;

/**
 * Adds one line to the log of a task, or the same line to several tasks' logs in one insert; inside
 * `tx` when given, so the line commits with the state change it reports.
 */
export async function appendTaskLog(options: {
  taskId: string | string[];
  level: TaskLogLevel;
  message: string;
  tx?: Prisma.TransactionClient;
}): Promise<void> {
  const db = options.tx ?? getDb();
  const message = options.message.slice(0, 2000);
  const taskIds = typeof options.taskId === "string" ? [options.taskId] : options.taskId;
  if (taskIds.length === 0) return;
  await db.taskLog.createMany({ data: taskIds.map((taskId) => ({ taskId, level: options.level, message })) });
}
