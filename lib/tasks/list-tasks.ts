import { z } from "zod";
import { getDb } from "../db";
import { presentTask, type TaskView } from "./present-task";
import { taskInclude } from "./task-include";

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
  const [tasks, total] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: taskInclude,
    }),
    db.task.count({ where }),
  ]);
  return { tasks: tasks.map(presentTask), page: query.page, pageSize: query.pageSize, total };
}
