import { getDb } from "../db";
import { BOSS_SCHEMA } from "../queue/create-boss";

/** Upper bounds (seconds) of the task duration histogram. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

type Count = { count: bigint };

/** Everything /api/metrics reports, read from the database so it is right across all processes. */
export async function readFigures() {
  const db = getDb();
  const [created, finished, byStatus, buckets, durations, waitingJobs, storedBytes] = await Promise.all([
    db.$queryRaw<(Count & { type: string })[]>`SELECT type::text AS type, count(*) AS count FROM tasks GROUP BY type`,
    db.$queryRaw<(Count & { type: string; status: string })[]>`
      SELECT type::text AS type, status::text AS status, count(*) AS count FROM tasks
      WHERE status IN ('completed', 'failed', 'cancelled') GROUP BY type, status`,
    db.$queryRaw<(Count & { status: string })[]>`SELECT status::text AS status, count(*) AS count FROM tasks GROUP BY status`,
    db.$queryRaw<(Count & { type: string; le: number })[]>`
      SELECT t.type::text AS type, b.le, count(*) FILTER (WHERE extract(epoch FROM t.finished_at - t.started_at) <= b.le) AS count
      FROM tasks t CROSS JOIN unnest(${DURATION_BUCKETS}::float8[]) AS b(le)
      WHERE t.status = 'completed' AND t.started_at IS NOT NULL AND t.finished_at IS NOT NULL
      GROUP BY t.type, b.le`,
    db.$queryRaw<(Count & { type: string; sum: number })[]>`
      SELECT type::text AS type, count(*) AS count, coalesce(sum(extract(epoch FROM finished_at - started_at)), 0)::float8 AS sum
      FROM tasks WHERE status = 'completed' AND started_at IS NOT NULL AND finished_at IS NOT NULL GROUP BY type`,
    db.$queryRawUnsafe<(Count & { queue: string })[]>(
      `SELECT name AS queue, count(*) AS count FROM "${BOSS_SCHEMA}".job WHERE state IN ('created', 'retry') GROUP BY name`,
    ),
    db.$queryRaw<{ origin: string; bytes: bigint }[]>`
      SELECT origin::text AS origin, coalesce(sum(size), 0)::bigint AS bytes FROM files WHERE expired_at IS NULL GROUP BY origin`,
  ]);
  return { created, finished, byStatus, buckets, durations, waitingJobs, storedBytes };
}
