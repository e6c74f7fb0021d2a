import { getDb } from "../db";
import { BOSS_SCHEMA } from "./create-boss";

/** Jobs waiting to be fetched, per queue, read from pg-boss's own table (the same figure on every process). */
export async function countWaitingJobs(): Promise<{ queue: string; count: bigint }[]> {
  return getDb().$queryRawUnsafe<{ queue: string; count: bigint }[]>(
    `SELECT name AS queue, count(*) AS count FROM "${BOSS_SCHEMA}".job WHERE state IN ('created', 'retry') GROUP BY name`,
  );
}
