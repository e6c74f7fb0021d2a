import type { Db, PgBoss } from "pg-boss";
import { jobs } from "./jobs";

/**
 * Asks the workers to admit pending tasks. Pass `db` (pg-boss's `fromPrisma(tx)`) to send inside
 * the caller's transaction, so a task row and its wake-up commit or roll back together.
 */
export async function requestDispatch(boss: PgBoss, options: { db?: Db; reason?: string } = {}): Promise<void> {
  await boss.send(jobs.taskDispatch.name, { reason: options.reason }, { db: options.db, singletonKey: "dispatch" });
}
