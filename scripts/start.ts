/**
 * `npm start` (and `npm run dev`): the embedded database when DATABASE_URL is unset, migrations,
 * a production build when the sources changed, then the web server and the worker as two
 * supervised child processes. SIGINT/SIGTERM stops everything.
 */
import { ConfigError, createDevelopmentSecrets, embeddedPostgresUrl, getConfig } from "../lib/config";
import { applyMigrations } from "../lib/database/apply-migrations";
import { allocatorEnv } from "./start/allocator-env";
import { chooseEmbeddedPostgresPort } from "./start/embedded-postgres/choose-embedded-postgres-port";
import { ensureBuild } from "./start/ensure-build";
import { isPortFree } from "./start/is-port-free";
import { startDatabaseProcess, type DatabaseProcess } from "./start/start-database-process";
import { prefixedLogger } from "./start/prefixed-logger";
import { superviseProcess, type SupervisedProcess } from "./start/supervise-process";

const dev = process.argv.includes("--dev");
const log = prefixedLogger("start");

async function main(): Promise<void> {
  createDevelopmentSecrets();
  const config = getConfig();
  if (!(await isPortFree(config.port))) throw new ConfigError(`PORT ${config.port} is taken by another program; stop it or set PORT to a free port`);
  let database: DatabaseProcess | undefined;
  let databaseUrl = config.databaseUrl;
  if (config.usesEmbeddedPostgres) {
    const { port, movedFrom } = await chooseEmbeddedPostgresPort(config);
    const why = movedFrom ? `; ${movedFrom} is taken, so this data folder now uses ${port}` : "";
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${config.dataDir}${why})`);
    database = await startDatabaseProcess(port);
    databaseUrl = embeddedPostgresUrl(config.dataDir, port);
  }

  const children: SupervisedProcess[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await Promise.all(children.map((child) => child.stop()));
    await database?.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await applyMigrations({ databaseUrl, log: prefixedLogger("migrate") });
  if (!dev) await ensureBuild(prefixedLogger("build"), { distDir: process.env.NEXT_DIST_DIR });
  if (stopping) return;

  // Children run as production builds; they get the resolved secret and database so that a
  // development machine needs no configuration at all.
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: config.sessionSecret,
    PORT: String(config.port),
    // Applied above, once; a restarted child has nothing to apply either.
    MIGRATE_ON_START: "false",
    ...allocatorEnv(),
  };
  // The worker's own grace period for running jobs, plus time to hand the rest back and exit.
  const stopGraceMs = (config.shutdownGraceSeconds + 5) * 1000;
  children.push(
    superviseProcess({
      name: "web",
      command: process.execPath,
      args: ["--import", "tsx", "scripts/web-server.ts", ...(dev ? ["--dev"] : []), "--port", String(config.port)],
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stopGraceMs,
    }),
    superviseProcess({
      name: "worker",
      command: process.execPath,
      args: ["--import", "tsx", ...(dev ? ["--watch"] : []), "worker/main.ts"],
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stopGraceMs,
    }),
  );
  log(`http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
