import { PgBoss } from "pg-boss";
import { getConfig } from "../config";

export const BOSS_SCHEMA = "pgboss";

export type BossRole = "web" | "worker";

/**
 * A pg-boss instance on the product's database. The web app only sends jobs, so it leaves
 * maintenance and cron to the workers.
 */
export function createBoss(role: BossRole): PgBoss {
  const isWorker = role === "worker";
  return new PgBoss({
    connectionString: getConfig().databaseUrl,
    schema: BOSS_SCHEMA,
    application_name: `clipclean-${role}`,
    max: isWorker ? 10 : 4,
    supervise: isWorker,
    schedule: isWorker,
    migrate: true,
    // Workers listen for new-job notifications. They supervise every second, so a dead worker's
    // task-run job is failed (and retried elsewhere) within a second of its heartbeat going stale.
    useListenNotify: isWorker,
    ...(isWorker ? { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, queueCacheIntervalSeconds: 5 } : {}),
  });
}
