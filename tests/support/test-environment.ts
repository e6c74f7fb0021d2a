import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProvidedContext } from "vitest";
import { applyMigrations } from "../../lib/database/apply-migrations";
import { provisionTestDatabase } from "./test-database";
import { TEST_MAX_UPLOAD_BYTES } from "./test-limits";
import { TEST_METRICS_TOKEN } from "./test-metrics-token";
import { buildForTests, startWebServer } from "./web-server";

/** What the tests of one project reach through inject() (declared in tests/global-setup.ts). */
export type TestEnvironmentContext = ProvidedContext;

/**
 * A fresh database with the migrations applied, a data folder, a production build and the web server
 * on a free port, using the storage that `storageEnv` configures. `stop` removes them all.
 */
export async function startTestEnvironment(storageEnv: Record<string, string> = {}): Promise<{ context: TestEnvironmentContext; stop: () => Promise<void> }> {
  const database = await provisionTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "clipclean-data-"));
  const removeAll = async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    await applyMigrations({ databaseUrl: database.url });
    await buildForTests();
    server = await startWebServer({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters",
      MAX_UPLOAD_BYTES: String(TEST_MAX_UPLOAD_BYTES),
      METRICS_TOKEN: TEST_METRICS_TOKEN,
      ...storageEnv,
    });
  } catch (error) {
    await removeAll();
    throw error;
  }
  return {
    context: { databaseUrl: database.url, dataDir, baseUrl: server.baseUrl, webServerPid: server.pid, storageEnv },
    stop: async () => {
      await server.stop();
      await removeAll();
    },
  };
}
