import { Prisma } from "../generated/prisma/client";

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
