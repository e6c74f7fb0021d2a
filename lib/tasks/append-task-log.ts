import { getDb, type Prisma } from "../db";
import type { LogLevel } from "../generated/prisma/enums";
import { writtenTaskMessage, type TaskMessage, type TaskMessageParams } from "./task-message";

export type TaskLogLevel = LogLevel;

/** One log line of a task as it was written down, before it is stored: its English text, code and values. */
export type TaskLogLine = { taskId: string; at: Date; level: TaskLogLevel; message: string; code: string; params: TaskMessageParams | null };

const clip = (message: string) => message.slice(0, 2000);

/** A line written now: the sentence's English text (for operators) with its code and values (for readers). */
export function taskLogLine(taskId: string, level: TaskLogLevel, message: TaskMessage): TaskLogLine {
  return { taskId, at: new Date(), level, ...writtenTaskMessage(message) };
}

const paramsJson = (params: TaskMessageParams | null) => (params === null ? null : JSON.stringify(params));

/**
 * Adds one line to the log of a task, or the same line to several tasks' logs, in one insert; or
 * `lines` written down earlier, each with its own time (lines of tasks deleted meanwhile are left
 * out). Inside `tx` when given, so the lines commit with the state change they report.
 */
export async function appendTaskLog(
  options:
    | { taskId: string | string[]; level: TaskLogLevel; message: TaskMessage; tx?: Prisma.TransactionClient }
    | { lines: TaskLogLine[]; tx?: Prisma.TransactionClient },
): Promise<void> {
  const db = options.tx ?? getDb();
  if ("lines" in options) {
    if (options.lines.length === 0) return;
    const { lines } = options;
    await db.$executeRaw`
      INSERT INTO task_logs (task_id, at, level, message, code, params)
      SELECT l.task_id, l.at::timestamptz AT TIME ZONE 'UTC', l.level::log_level, l.message, l.code, l.params::jsonb
      FROM unnest(${lines.map((line) => line.taskId)}::text[], ${lines.map((line) => line.at.toISOString())}::text[],
                  ${lines.map((line) => line.level)}::text[], ${lines.map((line) => clip(line.message))}::text[],
                  ${lines.map((line) => line.code)}::text[], ${lines.map((line) => paramsJson(line.params))}::text[])
           WITH ORDINALITY AS l(task_id, at, level, message, code, params, n)
      WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.id = l.task_id)
      ORDER BY l.n`;
    return;
  }
  const taskIds = typeof options.taskId === "string" ? [options.taskId] : options.taskId;
  if (taskIds.length === 0) return;
  const { message, code, params } = writtenTaskMessage(options.message);
  await db.taskLog.createMany({
    data: taskIds.map((taskId) => ({ taskId, level: options.level, message: clip(message), code, params: params ?? undefined })),
  });
}
