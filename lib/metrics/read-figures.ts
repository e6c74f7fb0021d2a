import { getDb } from "../db";
import { Prisma } from "../generated/prisma/client";
import { BOSS_SCHEMA } from "../queue/create-boss";

/** Upper bounds (seconds) of the task duration histogram; whole seconds, as deleted tasks' run times are kept. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

/** Per type and status: how many tasks, and for completed ones their run time in total and per bucket. */
export type TaskFigures = { type: string; status: string; count: bigint; timed: bigint; durationSum: number; buckets: bigint[] };

const sql = Prisma.sql;
const bucketsOf = (seconds: Prisma.Sql, count: Prisma.Sql) =>
  Prisma.join(DURATION_BUCKETS.map((le) => sql`coalesce(sum(${count}) FILTER (WHERE ${seconds} <= ${le}::float8), 0)::bigint`));

/** Live tasks and deleted ones (kept by a trigger) added up, so that counters never go down. */
function addUp(live: TaskFigures[], deleted: TaskFigures[]): TaskFigures[] {
  const byKey = new Map(live.map((row) => [`${row.type}/${row.status}`, { ...row }]));
  for (const row of deleted) {
    const key = `${row.type}/${row.status}`;
    const sum = byKey.get(key);
    if (!sum) {
      byKey.set(key, { ...row });
      continue;
    }
    sum.count = BigInt(sum.count) + BigInt(row.count);
    sum.timed = BigInt(sum.timed) + BigInt(row.timed);
    sum.durationSum += row.durationSum;
    sum.buckets = sum.buckets.map((value, index) => BigInt(value) + BigInt(row.buckets[index] ?? 0));
  }
  return [...byKey.values()];
}

/**
 * Everything /api/metrics reports, read from the database so it is right across all processes.
 * Live task figures come from one pass over the tasks table (they used to take five, one of them
 * over ten copies of the completed rows); a run time is known once a task has both timestamps.
 */
export async function readFigures() {
  const db = getDb();
  const [live, deleted, waitingJobs, storedBytes] = await Promise.all([
    db.$queryRaw<TaskFigures[]>`
      SELECT type::text AS type, status::text AS status, count(*) AS count, count(seconds) AS timed,
             coalesce(sum(seconds), 0)::float8 AS "durationSum", ARRAY[${bucketsOf(sql`seconds`, sql`1`)}] AS buckets
      FROM (
        -- date_part gives float8; extract() gives numeric, which made the aggregation several times slower.
        SELECT type, status, CASE WHEN status = 'completed' THEN date_part('epoch', finished_at - started_at) END AS seconds
        FROM tasks) AS t
      GROUP BY type, status`,
    db.$queryRaw<TaskFigures[]>`
      SELECT c.type::text AS type, c.status::text AS status, c.count, coalesce(d.timed, 0)::bigint AS timed,
             coalesce(d."durationSum", 0)::float8 AS "durationSum", coalesce(d.buckets, ARRAY[]::bigint[]) AS buckets
      FROM deleted_task_counts c
      LEFT JOIN (
        SELECT type, 'completed'::task_status AS status, sum(count) AS timed, sum(duration_sum) AS "durationSum",
               ARRAY[${bucketsOf(sql`seconds`, sql`count`)}] AS buckets
        FROM deleted_task_durations GROUP BY type) AS d USING (type, status)`,
    // Jobs waiting to be fetched, per queue, from pg-boss's own table (the same figure on every process).
    db.$queryRawUnsafe<{ queue: string; count: bigint }[]>(
      `SELECT name AS queue, count(*) AS count FROM "${BOSS_SCHEMA}".job WHERE state IN ('created', 'retry') GROUP BY name`,
    ),
    db.$queryRaw<{ origin: string; bytes: bigint }[]>`
      SELECT origin::text AS origin, coalesce(sum(size), 0)::bigint AS bytes FROM files WHERE expired_at IS NULL GROUP BY origin`,
  ]);
  return { tasks: addUp(live, deleted), waitingJobs, storedBytes };
}
