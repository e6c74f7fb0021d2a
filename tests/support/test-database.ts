import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/start/embedded-postgres/start-embedded-postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A fresh, empty database on the server at `serverUrl`, dropped again by `drop()`. */
async function createDatabaseOn(serverUrl: string): Promise<TestDatabase> {
  const name = `clipclean_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The database a test run uses: a new one on DATABASE_URL's server when that is set, otherwise a
 * throwaway embedded PostgreSQL in a temporary folder.
 */
export async function provisionTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) return createDatabaseOn(process.env.DATABASE_URL);
  const dir = await mkdtemp(join(tmpdir(), "clipclean-pg-"));
  await chmod(dir, 0o755); // the server runs as the postgres user when tests run as root
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const server = await startEmbeddedPostgres({ dataDir: join(dir, "data"), port, password, database: "test" });
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/test`,
    drop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(server.databaseDir, { recursive: true, force: true });
    },
  };
}
