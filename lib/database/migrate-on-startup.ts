import { getConfig } from "../config";
import { applyMigrations } from "./apply-migrations";

/**
 * Brings the configured database up to date; every process calls this before serving, unless
 * MIGRATE_ON_START=false (the `npm start` supervisor applies them once before starting its children).
 */
export async function migrateOnStartup(log: (line: string) => void): Promise<void> {
  if (!getConfig().migrateOnStart) return;
  const applied = await applyMigrations({ databaseUrl: getConfig().databaseUrl, log });
  if (applied.length === 0) log("database schema is up to date");
}
