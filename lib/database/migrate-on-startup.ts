import { getConfig } from "../config";
import { applyMigrations } from "./apply-migrations";

/** Brings the configured database up to date; every process calls this before serving. */
export async function migrateOnStartup(log: (line: string) => void): Promise<void> {
  const applied = await applyMigrations({ databaseUrl: getConfig().databaseUrl, log });
  if (applied.length === 0) log("database schema is up to date");
}
