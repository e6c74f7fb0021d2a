import { createServer } from "node:http";
import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { spawnWorker } from "../../support/spawn-worker";
import { freePort } from "../../support/test-database";
import { startWebServer } from "../../support/web-server";

/** What the roles should name: host, port and database, never a user or password. */
function databaseAddress(): string {
  const url = new URL(inject("databaseUrl"));
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

const env = () => ({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), SESSION_SECRET: "x".repeat(32) });

/** An s3 configuration that lacks its bucket and credentials (this project's environment has none). */
const INCOMPLETE_S3 = { STORAGE_DRIVER: "s3", S3_ENDPOINT: "http://127.0.0.1:9" };
const S3_REFUSAL = "Invalid configuration: S3_BUCKET is required when STORAGE_DRIVER=s3; S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3; S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3";

describe("npm run web and npm run worker", () => {
  test("each logs one line naming its database and its storage, never the database password", async () => {
    const line = (role: string) => `${role}: database ${databaseAddress()}, storage local folder ${join(inject("dataDir"), "files")}`;
    const worker = await spawnWorker({ ...env(), NODE_ENV: "test" });
    await worker.stop();
    const web = await startWebServer(env());
    await web.stop();

    for (const [role, output] of [["worker", worker.output()], ["web", web.output()]] as const) {
      expect(output.split("\n")).toContain(line(role));
      const password = new URL(inject("databaseUrl")).password;
      if (password) expect(output).not.toContain(password);
    }
  });

  test("each refuses to start on an incomplete s3 configuration, saying what is missing", async () => {
    const refusals = await Promise.all([
      spawnWorker({ ...env(), NODE_ENV: "test", ...INCOMPLETE_S3 }).then(() => "started", (error: Error) => error.message),
      startWebServer({ ...env(), ...INCOMPLETE_S3 }).then(async (server) => (await server.stop(), "started"), (error: Error) => error.message),
    ]);

    for (const refusal of refusals) {
      expect(refusal).toContain(S3_REFUSAL);
      expect(refusal).not.toMatch(/\bat .+\.ts:\d+/); // one line, no stack trace
    }
  });

  test("the web server refuses a PORT another program holds in one line, with exit code 1", async () => {
    const port = await freePort();
    const holder = createServer((_, response) => void response.writeHead(503).end());
    await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
    try {
      const refusal = await startWebServer(env(), { port }).then(async (server) => (await server.stop(), "started"), (error: Error) => error.message);
      expect(refusal).toContain(`PORT ${port} is taken by another program; stop it or set PORT to a free port`);
      expect(refusal).not.toMatch(/^\s+at /m);
    } finally {
      holder.close();
    }
  });
});
