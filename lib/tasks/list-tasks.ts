import { z } from "zod";
import type { Locale } from "../../i18n/routing";
import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { optionalParam, pageParams } from "../page-query";
import { taskStatuses } from "./task-states";
import { taskViewSql } from "./task-view-sql";
import { withQueueFacts } from "./queue-facts";
import { localizeTaskMessage } from "./task-message";
import { taskTypes, type StoredTaskView, type TaskLogView, type TaskPage } from "./task-view";

export const listTasksQuery = z.object({
  status: optionalParam(z.enum(taskStatuses)),
  type: optionalParam(z.enum(taskTypes)),
  ...pageParams,
  /** A task's short id (any case, dashes and spaces ignored) or a part of one of its inputs' names. */
  q: optionalParam(z.string().trim().max(200).transform((text) => text || undefined)),
});

export type ListTasksQuery = z.infer<typeof listTasksQuery>;

/** Tasks whose short id is the search text, or with an input whose name contains it (LIKE wildcards taken literally). */
function searchSql(text: string): Prisma.Sql {
  const shortId = text.toUpperCase().replace(/[\s-]/g, "");
  const namePart = `%${text.replace(/[\\%_]/g, "\\$&")}%`;
  return Prisma.sql`(t.short_id = ${shortId} OR EXISTS (
    SELECT 1 FROM task_inputs i JOIN files f ON f.id = i.file_id WHERE i.task_id = t.id AND f.name ILIKE ${namePart}))`;
}

/** One page of the tasks that match `where` (on the `tasks` row aliased `t`), newest first, each as `viewSql` builds it, and how many match. */
export async function readTaskPage<Task>(where: Prisma.Sql, viewSql: Prisma.Sql, page: { page: number; pageSize: number }): Promise<{ total: number; tasks: Task[] }> {
  const [row] = await getDb().$queryRaw<{ total: number; tasks: Task[] }[]>`
    SELECT (SELECT count(*)::int FROM tasks t WHERE ${where}) AS total,
           COALESCE((SELECT json_agg(page.task ORDER BY page.created_at DESC, page.id DESC)
                     FROM (SELECT t.id, t.created_at, ${viewSql} AS task
                           FROM tasks t WHERE ${where}
                           ORDER BY t.created_at DESC, t.id DESC
                           LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}) page), '[]') AS tasks`;
  return { total: row?.total ?? 0, tasks: row?.tasks ?? [] };
}

/** One page of the visitor's tasks, newest first, optionally filtered by status, type and search text, and how many there are. */
export async function listTasks({ visitorId, query }: { visitorId: string; query: ListTasksQuery }): Promise<TaskPage> {
  const where = Prisma.join(
    [
      Prisma.sql`t.visitor_id = ${visitorId}`,
      ...(query.status ? [Prisma.sql`t.status = ${query.status}::task_status`] : []),
      ...(query.type ? [Prisma.sql`t.type = ${query.type}::task_type`] : []),
      ...(query.q ? [searchSql(query.q)] : []),
    ],
    " AND ",
  );
  const { total, tasks } = await readTaskPage<StoredTaskView>(where, taskViewSql(), query);
  return { tasks: await withQueueFacts(visitorId, tasks), page: query.page, pageSize: query.pageSize, total };
}

/** The log lines of the visitor's task, oldest first, in `locale` (lines stored as text only as they were written). */
export async function listTaskLogs({ visitorId, taskId, locale }: { visitorId: string; taskId: string; locale: Locale }): Promise<TaskLogView[]> {
  const task = await getDb().task.findFirst({
    where: { id: taskId, visitorId },
    select: { logs: { orderBy: [{ at: "asc" }, { id: "asc" }], take: 1000, select: { at: true, level: true, message: true, code: true, params: true } } },
  });
  if (!task) throw new AppError("not_found");
  return task.logs.map((log) => ({ at: log.at.toISOString(), level: log.level, message: localizeTaskMessage(log, locale) }));
}
