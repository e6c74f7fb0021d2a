import { z } from "zod";
import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { TaskView } from "./task-view";
import { selectTaskViews } from "./select-task-views";

const blankAsMissing = (value: unknown) => (value === "" || value === null ? undefined : value);

export const listTasksQuery = z.object({
  status: z.preprocess(blankAsMissing, z.enum(["pending", "running", "completed", "failed", "cancelled"]).optional()),
  type: z.preprocess(blankAsMissing, z.enum(["watermark", "merge", "thumbnail"]).optional()),
  page: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(100).default(20)),
});

export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export type TaskPage = { tasks: TaskView[]; page: number; pageSize: number; total: number };

/** One page of the visitor's tasks, newest first, optionally filtered by status and type. */
export async function listTasks({ visitorId, query }: { visitorId: string; query: ListTasksQuery }): Promise<TaskPage> {
  const db = getDb();
  const where = { visitorId, status: query.status, type: query.type };
  const filters = [
    Prisma.sql`t.visitor_id = ${visitorId}`,
    ...(query.status ? [Prisma.sql`t.status = ${query.status}::task_status`] : []),
    ...(query.type ? [Prisma.sql`t.type = ${query.type}::task_type`] : []),
  ];
  const page = Prisma.sql`ORDER BY t.created_at DESC, t.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const [tasks, total] = await Promise.all([selectTaskViews(Prisma.join(filters, " AND "), page), db.task.count({ where })]);
  return { tasks, page: query.page, pageSize: query.pageSize, total };
}
