import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../../lib/database/apply-migrations";
import { allocatorEnv } from "../../scripts/start/allocator-env";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/start/embedded-postgres/start-embedded-postgres";
import { isAlive } from "../../tests/support/is-alive";
import { spawnWorker, type WorkerProcess } from "../../tests/support/spawn-worker";
import { freePort } from "../../tests/support/test-database";
import { buildForTests, startWebServer, type WebServer } from "../../tests/support/web-server";
import { BENCH_SESSION_SECRET } from "./bench-server";
import { descendantsOf } from "./process-rss";

export type StackProcess = { name: string; pid: number };

/** When the database was stopped for its restart and when it accepted connections again. */
export type DatabaseOutage = { downAtMs: number; upAtMs: number };

const WORKERS = 2;

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * What `npm start` runs, owned by the soak: an embedded PostgreSQL in a throwaway folder (so it can be
 * stopped and started), the production web server and two workers, each a process of its own. A
 * process that dies without being told to is counted as a crash and started again, as `npm start`'s
 * supervisor would.
 */
export async function startSoakStack(log: (line: string) => void) {
  const folder = await mkdtemp(join(tmpdir(), "clipclean-soak-"));
  await chmod(folder, 0o755); // PostgreSQL runs as the postgres user when the soak runs as root
  const dataDir = join(folder, "data");
  const databaseOptions = { dataDir: join(folder, "postgres"), port: await freePort(), password: randomBytes(12).toString("hex"), database: "soak" };
  const databaseUrl = `postgresql://postgres:${databaseOptions.password}@127.0.0.1:${databaseOptions.port}/soak`;
  let database: RunningPostgres | undefined = await startEmbeddedPostgres(databaseOptions);
  const databaseDir = database.databaseDir;
  let databaseGeneration = 1;
  let web: WebServer | undefined;
  const workers: { worker: WorkerProcess; name: string }[] = [];
  let workersStarted = 0;
  const crashes: string[] = [];
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SESSION_SECRET: BENCH_SESSION_SECRET, MIGRATE_ON_START: "false", ...allocatorEnv() };
  // This process reads lib/ configuration too (migrations, ffmpeg for the clips): the same as the stack's.
  Object.assign(process.env, env);
  const webPort = await freePort();

  const startWorker = async () => {
    const worker = await spawnWorker(env);
    workers.push({ worker, name: `worker#${++workersStarted}` });
  };
  const stopAll = async () => {
    await Promise.all(workers.splice(0).map(({ worker }) => worker.stop()));
    await web?.stop();
    web = undefined;
    await database?.stop();
    database = undefined;
    await rm(folder, { recursive: true, force: true });
    await rm(databaseDir, { recursive: true, force: true });
  };

  try {
    await applyMigrations({ databaseUrl });
    await buildForTests();
    web = await startWebServer(env, { port: webPort });
    for (let index = 0; index < WORKERS; index++) await startWorker();
  } catch (error) {
    await stopAll();
    throw error;
  }
  log(`stack up: web ${web.baseUrl}, ${WORKERS} workers, PostgreSQL on 127.0.0.1:${databaseOptions.port}`);

  const postmasterPid = () => {
    try {
      return Number(readFileSync(join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0]);
    } catch {
      return 0;
    }
  };

  return {
    baseUrl: web.baseUrl,
    databaseUrl,
    /** Where the web server and workers keep files (DATA_DIR). */
    dataDir,
    crashes,

    /** The stack's processes now, named so that a restarted one is a new name. */
    processes(): StackProcess[] {
      const pid = postmasterPid();
      return [
        ...(web ? [{ name: "web", pid: web.pid }] : []),
        ...workers.map(({ worker, name }) => ({ name, pid: worker.pid })),
        ...(database && pid ? [{ name: `postgres#${databaseGeneration}`, pid }] : []),
      ];
    },

    /** The web server's latest output (its errors, when answers went wrong). */
    webOutput: () => web?.output() ?? "",

    /** Starts again whatever died on its own; a worker is replaced by a new one. */
    async reviveCrashed(): Promise<void> {
      for (const entry of [...workers]) {
        if (isAlive(entry.worker.pid)) continue;
        crashes.push(`${entry.name} exited: ${entry.worker.output().slice(-2_000)}`);
        workers.splice(workers.indexOf(entry), 1);
        await startWorker();
      }
      if (web && !isAlive(web.pid)) {
        crashes.push(`web exited: ${web.output().slice(-2_000)}`);
        web = await startWebServer(env, { port: webPort });
      }
    },

    /**
     * SIGKILLs the newest worker and what it had started (ffmpeg, ffprobe), then starts a fresh one.
     * The first worker is never the one killed, so it lives through the whole run and its memory and
     * open files can be judged over it.
     */
    async killWorker(): Promise<string> {
      const victim = workers.pop()!;
      const children = descendantsOf(victim.worker.pid);
      await victim.worker.kill();
      children.forEach(killQuietly);
      await startWorker();
      return victim.name;
    },

    /** Stops PostgreSQL (fast shutdown: connections are cut as in a real restart) and starts it again. */
    async restartDatabase(): Promise<DatabaseOutage> {
      const downAtMs = performance.now();
      await database!.stop();
      database = await startEmbeddedPostgres(databaseOptions);
      databaseGeneration += 1;
      return { downAtMs, upAtMs: performance.now() };
    },

    /** Stops everything and removes the database and data folders. */
    stop: stopAll,
  };
}

export type SoakStack = Awaited<ReturnType<typeof startSoakStack>>;

/** Open file descriptors of a process (Linux), 0 once it is gone. */
export function openFileCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}
