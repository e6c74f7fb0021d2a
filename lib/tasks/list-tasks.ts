import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { taskStatuses } from "./task-states";
import { taskViewSql } from "./task-view-sql";
import { withQueueFacts } from "./queue-facts";
import { taskTypes, type StoredTaskView, type TaskLogView, type TaskPage } from "./task-view";

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

export const listTasksQuery = z.object({
  status: z.preprocess(blankAsMissing, z.enum(taskStatuses).optional()),
  type: z.preprocess(blankAsMissing, z.enum(taskTypes).optional()),
  page: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(100).default(20)),
});

export type ListTasksQuery = z.infer<typeof listTasksQuery>;

/** One page of the visitor's tasks, newest first, optionally filtered by status and type, and how many there are. */
export async function listTasks({ visitorId, query }: { visitorId: string; query: ListTasksQuery }): Promise<TaskPage> {
  const where = Prisma.join(
    [
      Prisma.sql`t.visitor_id = ${visitorId}`,
      ...(query.status ? [Prisma.sql`t.status = ${query.status}::task_status`] : []),
      ...(query.type ? [Prisma.sql`t.type = ${query.type}::task_type`] : []),
    ],
    " AND ",
  );
  const [row] = await getDb().$queryRaw<{ total: number; tasks: StoredTaskView[] }[]>`
    SELECT (SELECT count(*)::int FROM tasks t WHERE ${where}) AS total,
           COALESCE((SELECT json_agg(page.task ORDER BY page.created_at DESC, page.id DESC)
                     FROM (SELECT t.id, t.created_at, ${taskViewSql()} AS task
                           FROM tasks t WHERE ${where}
                           ORDER BY t.created_at DESC, t.id DESC
                           LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) page), '[]') AS tasks`;
  const tasks = await withQueueFacts(visitorId, row?.tasks ?? []);
  return { tasks, page: query.page, pageSize: query.pageSize, total: row?.total ?? 0 };
}

/** The log lines of the visitor's task, oldest first. */
export async function listTaskLogs({ visitorId, taskId }: { visitorId: string; taskId: string }): Promise<TaskLogView[]> {
  const task = await getDb().task.findFirst({
    where: { id: taskId, visitorId },
    select: { logs: { orderBy: [{ at: "asc" }, { id: "asc" }], take: 1000, select: { at: true, level: true, message: true } } },
  });
  if (!task) throw new AppError("not_found");
  return task.logs.map((log) => ({ at: log.at.toISOString(), level: log.level, message: log.message }));
}
