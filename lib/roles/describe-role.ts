import type { Config } from "../config";
import type { Storage } from "../storage/storage";

/** Host, port and database name of a PostgreSQL URL: never its user or password. */
function databaseAddress(config: Config): string {
  const url = new URL(config.databaseUrl);
  const where = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  return config.usesEmbeddedPostgres ? `${where} (embedded)` : where;
}

/**
 * The one start-up line of a web server or worker saying which database and storage it uses, so an
 * operator running roles on several hosts can see at a glance that they share both.
 */
export function describeRole(role: "web" | "worker", config: Config, storage: Storage): string {
  const where = config.storage.driver === "s3" ? `s3 ${storage.location}` : `local folder ${storage.location}`;
  return `${role}: database ${databaseAddress(config)}, storage ${where}`;
}
