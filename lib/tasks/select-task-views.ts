import type { Prisma as PrismaTypes } from "../db";
import { getDb } from "../db";
import { fileViewSql } from "../files/file-view-sql";
import type { FileView } from "../files/present-file";
import { Prisma } from "../generated/prisma/client";
import type { TaskView } from "./task-view";

type TaskRow = {
  id: string;
  type: TaskView["type"];
  status: TaskView["status"];
  progress: number;
  message: string;
  error_code: string | null;
  error_message: string | null;
  params: unknown;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date;
  inputs: FileView[];
  outputs: FileView[];
};

/**
 * Tasks as the API shows them, with their input and output files, in one query (tasks are polled
 * often). `where` filters the `tasks` row aliased `t`; `rest` adds ordering and paging.
 */
export async function selectTaskViews(where: PrismaTypes.Sql, rest: PrismaTypes.Sql = Prisma.empty): Promise<TaskView[]> {
  const rows = await getDb().$queryRaw<TaskRow[]>`
    SELECT t.id, t.type::text AS type, t.status::text AS status, t.progress, t.message, t.error_code, t.error_message,
           t.params, t.attempts, t.created_at, t.started_at, t.finished_at, t.expires_at,
           COALESCE((SELECT json_agg(${fileViewSql("f")} ORDER BY i.position)
                     FROM task_inputs i JOIN files f ON f.id = i.file_id WHERE i.task_id = t.id), '[]') AS inputs,
           COALESCE((SELECT json_agg(${fileViewSql("o")} ORDER BY o.created_at, o.id)
                     FROM files o WHERE o.task_id = t.id), '[]') AS outputs
    FROM tasks t
    WHERE ${where}
    ${rest}`;
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    progress: row.progress,
    message: row.message,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? "" } : null,
    params: row.params,
    inputs: row.inputs,
    outputs: row.outputs,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
  }));
}
