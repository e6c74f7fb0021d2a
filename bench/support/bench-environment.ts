import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSecrets } from "../../lib/config";
import { applyMigrations } from "../../lib/database/apply-migrations";
import { provisionTestDatabase } from "../../tests/support/test-database";

export type BenchEnvironment = { databaseUrl: string; dataDir: string };

let provisioning: Promise<BenchEnvironment & { remove: () => Promise<void> }> | undefined;

/**
 * One throwaway database (on DATABASE_URL's server, else embedded) and data folder for the whole
 * benchmark run, exported to this process's environment before any lib/ module reads it. Both are
 * removed by closeBenchEnvironment() when the run ends.
 */
export async function benchEnvironment(): Promise<BenchEnvironment> {
  provisioning ??= (async () => {
    const database = await provisionTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), "clipclean-bench-"));
    await applyMigrations({ databaseUrl: database.url });
    process.env.DATABASE_URL = database.url;
    process.env.DATA_DIR = dataDir;
    createDevelopmentSecrets();
    const remove = async () => {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    };
    return { databaseUrl: database.url, dataDir, remove };
  })();
  const { databaseUrl, dataDir } = await provisioning;
  return { databaseUrl, dataDir };
}

/**
 * Ends what the run opened in this process — pg-boss, the Prisma pool, the throwaway database (an
 * embedded server is a child process that would keep the run alive) and the data folder — so that
 * `npm run bench` exits by itself and leaves nothing behind.
 */
export async function closeBenchEnvironment(): Promise<void> {
  const environment = await provisioning?.catch(() => undefined);
  provisioning = undefined;
  if (!environment) return;
  const { stopBoss } = await import("../../lib/queue/get-boss");
  const { closeDb } = await import("../../lib/db");
  await stopBoss();
  await closeDb();
  await environment.remove();
}
