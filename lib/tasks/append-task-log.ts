import { getDb, type Prisma } from "../db";

export type TaskLogLevel = "info" | "warn" | "error";

/** Adds one line to a task's log (inside `tx` when given). */
export async function appendTaskLog(options: {
  taskId: string;
  level: TaskLogLevel;
  message: string;
  tx?: Prisma.TransactionClient;
}): Promise<void> {
  const db = options.tx ?? getDb();
  await db.taskLog.create({ data: { taskId: options.taskId, level: options.level, message: options.message.slice(0, 2000) } });
}
