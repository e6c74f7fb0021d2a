import { afterAll, beforeAll, inject } from "vitest";
import { stopBoss } from "@/lib/queue/get-boss";
import { startTestBoss } from "./seed-tasks";
import { startWebServer, type WebServer } from "./web-server";

export const TEST_ADMIN_PASSWORD = "operator-password-for-tests";

/** Basic-auth header value; the dashboard takes any user name. */
export const basicAuth = (password: string, user = "ops") => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/**
 * A web server with ADMIN_PASSWORD set, on this run's database, whose pg-boss queues exist (a started
 * boss creates them), for a test file's tests.
 */
export function withDashboardServer(): { server: WebServer } {
  const context = {} as { server: WebServer };
  beforeAll(async () => {
    await startTestBoss();
    context.server = await startWebServer({
      DATABASE_URL: inject("databaseUrl"),
      DATA_DIR: inject("dataDir"),
      SESSION_SECRET: "x".repeat(32),
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    });
  });
  afterAll(async () => {
    await context.server?.stop();
    await stopBoss();
  });
  return context;
}
