import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../lib/database/apply-migrations";
import { provisionTestDatabase } from "./support/test-database";
import { TEST_MAX_UPLOAD_BYTES } from "./support/test-limits";
import { TEST_METRICS_TOKEN } from "./support/test-metrics-token";
import { buildForTests, startWebServer } from "./support/web-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
    baseUrl: string;
    webServerPid: number;
  }
}

/**
 * Once per run: a fresh database with the migrations applied, a data folder, a production build
 * and the web server on a free port. Tests reach them through inject().
 */
export default async function setup(project: TestProject) {
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
    });
  } catch (error) {
    await removeAll();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  project.provide("dataDir", dataDir);
  project.provide("baseUrl", server.baseUrl);
  project.provide("webServerPid", server.pid);

  return async () => {
    await server.stop();
    await removeAll();
  };
}
