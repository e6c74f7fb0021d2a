import type { TestProject } from "vitest/node";
import { startTestEnvironment, type TestEnvironmentContext } from "./support/test-environment";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
    baseUrl: string;
    webServerPid: number;
    /** The storage settings (empty: local disk under dataDir), which test processes, servers and workers all use. */
    storageEnv: Record<string, string>;
  }
}

/** Provides a test environment's context to the project's tests. */
export function provideContext(project: TestProject, context: TestEnvironmentContext): void {
  project.provide("databaseUrl", context.databaseUrl);
  project.provide("dataDir", context.dataDir);
  project.provide("baseUrl", context.baseUrl);
  project.provide("webServerPid", context.webServerPid);
  project.provide("storageEnv", context.storageEnv);
}

/**
 * Once per run: a fresh database with the migrations applied, a data folder, a production build
 * and the web server on a free port, storing files on local disk. Tests reach them through inject().
 */
export default async function setup(project: TestProject) {
  const environment = await startTestEnvironment();
  provideContext(project, environment.context);
  return environment.stop;
}
