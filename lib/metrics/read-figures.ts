import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { BOSS_SCHEMA } from "../queue/create-boss";

/** Upper bounds (seconds) of the task duration histogram. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

/** Per type and status: how many tasks, and for completed ones their run time in total and per bucket. */
export type TaskFigures = { type: string; status: string; count: bigint; timed: bigint; durationSum: number; buckets: bigint[] };

const sql = Prisma.sql;

/**
 * Everything /api/metrics reports, read from the database so it is right across all processes.
 * All task figures come from one pass over the tasks table (they used to take five, one of them
 * over ten copies of the completed rows); a run time is known once a task has both timestamps.
 */
export async function readFigures() {
  const db = getDb();
  const bucketCounts = DURATION_BUCKETS.map((le) => sql`count(*) FILTER (WHERE seconds <= ${le}::float8)`);
  const [tasks, waitingJobs, storedBytes] = await Promise.all([
    db.$queryRaw<TaskFigures[]>`
      SELECT type::text AS type, status::text AS status, count(*) AS count, count(seconds) AS timed,
             coalesce(sum(seconds), 0)::float8 AS "durationSum", ARRAY[${Prisma.join(bucketCounts)}]::bigint[] AS buckets
      FROM (
        -- date_part gives float8; extract() gives numeric, which made the aggregation several times slower.
        SELECT type, status, CASE WHEN status = 'completed' THEN date_part('epoch', finished_at - started_at) END AS seconds
        FROM tasks) AS t
      GROUP BY type, status`,
    db.$queryRawUnsafe<{ queue: string; count: bigint }[]>(
      `SELECT name AS queue, count(*) AS count FROM "${BOSS_SCHEMA}".job WHERE state IN ('created', 'retry') GROUP BY name`,
    ),
    db.$queryRaw<{ origin: string; bytes: bigint }[]>`
      SELECT origin::text AS origin, coalesce(sum(size), 0)::bigint AS bytes FROM files WHERE expired_at IS NULL GROUP BY origin`,
  ]);
  return { tasks, waitingJobs, storedBytes };
}
