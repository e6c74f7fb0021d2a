import { z } from "zod";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { optionalParam, pageParams } from "../page-query";
import { readTaskPage } from "./list-tasks";
import { withEachOwnersQueueFacts } from "./queue-facts";
import { taskStatuses } from "./task-states";
import { operatorTaskViewSql } from "./task-view-sql";
import { taskTypes, type OperatorTaskPage, type OperatorTaskView, type StoredTaskView } from "./task-view";

export const operatorTasksQuery = z.object({
  status: optionalParam(z.enum(taskStatuses)),
  type: optionalParam(z.enum(taskTypes)),
  errorCode: optionalParam(z.string().trim().max(100)),
  visitorId: optionalParam(z.string().trim().max(100)),
  /** Running tasks whose progress has not moved for STUCK_AFTER_MINUTES. */
  stuck: optionalParam(z.stringbool()),
  /** Tasks created at least this many minutes ago. */
  olderThanMinutes: optionalParam(z.coerce.number().nonnegative().max(1_000_000)),
  ...pageParams,
});

export type OperatorTasksQuery = z.infer<typeof operatorTasksQuery>;

type StoredOperatorTask = StoredTaskView & { visitorId: string; priority: number };

const minutesAgoSql = (minutes: number) => Prisma.sql`now() AT TIME ZONE 'UTC' - make_interval(secs => ${minutes * 60})`;

/** The filters of `query` as one SQL condition on the `tasks` row aliased `t`. */
function filterSql(query: Partial<OperatorTasksQuery> & { taskId?: string }): Prisma.Sql {
  const conditions = [
    ...(query.taskId ? [Prisma.sql`t.id = ${query.taskId}`] : []),
    ...(query.status ? [Prisma.sql`t.status = ${query.status}::task_status`] : []),
    ...(query.type ? [Prisma.sql`t.type = ${query.type}::task_type`] : []),
    ...(query.errorCode ? [Prisma.sql`t.error_code = ${query.errorCode}`] : []),
    ...(query.visitorId ? [Prisma.sql`t.visitor_id = ${query.visitorId}`] : []),
    ...(query.stuck
      ? [Prisma.sql`t.status = 'running' AND COALESCE(t.progressed_at, t.started_at) < ${minutesAgoSql(getConfig().stuckAfterMinutes)}`]
      : []),
    ...(query.olderThanMinutes !== undefined ? [Prisma.sql`t.created_at <= ${minutesAgoSql(query.olderThanMinutes)}`] : []),
  ];
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`true`;
}

/** One page of tasks across every visitor, newest first, filtered as the operator asks, and how many match. */
export async function listOperatorTasks(query: OperatorTasksQuery): Promise<OperatorTaskPage> {
  const { total, tasks } = await readTaskPage<StoredOperatorTask>(filterSql(query), operatorTaskViewSql(), query);
  return { tasks: await withEachOwnersQueueFacts(tasks), page: query.page, pageSize: query.pageSize, total };
}

/** Any visitor's task with this id, as operators read it; not_found when there is none. */
export async function getOperatorTask(taskId: string): Promise<OperatorTaskView> {
  const [row] = await getDb().$queryRaw<{ task: StoredOperatorTask }[]>`SELECT ${operatorTaskViewSql()} AS task FROM tasks t WHERE ${filterSql({ taskId })}`;
  if (!row) throw new AppError("not_found");
  const [task] = await withEachOwnersQueueFacts([row.task]);
  return task!;
}
