import { Prisma } from "../generated/prisma/client";

/** The ids of every pipeline step after `taskId` (the steps depending on it, theirs, and so on). */
export function laterStepsSql(taskId: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE later AS (
      SELECT id FROM tasks WHERE depends_on = ${taskId}
      UNION ALL SELECT t.id FROM tasks t JOIN later l ON t.depends_on = l.id
    ) SELECT id FROM later`;
}
