import { Prisma } from "../generated/prisma/client";

// How the steps of a pipeline hang together (tasks.depends_on names the step a task reads), as SQL the
// dispatcher, the queue positions and the changes of state share. A step waits until the one it reads
// has completed (finish-task.ts then gives it that output as its input); when a step fails or is
// cancelled, the steps after it are cancelled with it (cancel-task.ts, cancelLaterSteps).

/**
 * Whether the `tasks` row aliased `alias` may be admitted: pending, and, for a pipeline step, the step
 * it reads has completed (its output is then the step's input). The dispatcher's candidates and the
 * queue positions both use this, so a waiting step is neither started nor given a place in line.
 */
export function readyToStartSql(alias: string): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`${t}.status = 'pending'
    AND (${t}.depends_on IS NULL OR EXISTS (SELECT 1 FROM tasks d WHERE d.id = ${t}.depends_on AND d.status = 'completed'))`;
}

/** The ids of every pipeline step after `taskId` (the steps depending on it, theirs, and so on). */
export function laterStepsSql(taskId: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE later AS (
      SELECT id FROM tasks WHERE depends_on = ${taskId}
      UNION ALL SELECT t.id FROM tasks t JOIN later l ON t.depends_on = l.id
    ) SELECT id FROM later`;
}
