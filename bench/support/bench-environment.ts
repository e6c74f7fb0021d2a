import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSecrets } from "../../lib/config";
import { applyMigrations } from "../../lib/database/apply-migrations";
import { provisionTestDatabase } from "../../tests/support/test-database";

export type BenchEnvironment = { databaseUrl: string; dataDir: string };

let provisioning: Promise<BenchEnvironment> | undefined;

/**
 * One throwaway database (on DATABASE_URL's server, else embedded) and data folder for the whole
 * benchmark run, exported to this process's environment before any lib/ module reads it. Both are
 * removed when the run ends.
 */
export function benchEnvironment(): Promise<BenchEnvironment> {
  provisioning ??= (async () => {
    const database = await provisionTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), "clipclean-bench-"));
    await applyMigrations({ databaseUrl: database.url });
    process.env.DATABASE_URL = database.url;
    process.env.DATA_DIR = dataDir;
    createDevelopmentSecrets();
    let cleaned = false;
    process.on("beforeExit", () => {
      if (cleaned) return;
      cleaned = true;
      void (async () => {
        const { closeDb } = await import("../../lib/db");
        await closeDb();
        await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      })();
    });
    return { databaseUrl: database.url, dataDir };
  })();
  return provisioning;
}
