import type { PgBoss } from "pg-boss";
import { ConfigError, getConfig } from "../lib/config";
import { migrateOnStartup } from "../lib/database/migrate-on-startup";
import { closeDb } from "../lib/db";
import { createBoss } from "../lib/queue/create-boss";
import { jobs } from "../lib/queue/jobs";
import { ensureQueues } from "../lib/queue/queue-options";
import { requestDispatch } from "../lib/queue/request-dispatch";
import { removeStaleTempDirs } from "../lib/retention/remove-stale-temp-dirs";
import type { Handler } from "./handlers/handler";
import { handlers } from "./handlers/index";

/** How often expired files are swept (cron). */
const RETENTION_SCHEDULE = "*/10 * * * *";

const log = (line: string) => console.log(line);

/** Every queue must have its handler, registered under its own name: fail at start-up otherwise. */
function checkedHandlers(): Handler[] {
  return Object.values(jobs).map(({ name }) => {
    const handler = (handlers as Partial<Record<string, Handler>>)[name];
    if (!handler || handler.name !== name) throw new Error(`no handler registered for queue ${name}`);
    return handler;
  });
}

async function registerHandlers(boss: PgBoss): Promise<void> {
  for (const handler of checkedHandlers()) {
    await boss.work(handler.name, handler.options, async (batch) => {
      const results = [];
      try {
        for (const job of batch) results.push(await handler.handle(job, boss));
      } catch (error) {
        console.error(`${handler.name} job failed:`, error);
        throw error;
      }
      return results;
    });
  }
}

async function main(): Promise<void> {
  getConfig();
  checkedHandlers();
  await migrateOnStartup(log);
  const removed = await removeStaleTempDirs();
  if (removed > 0) log(`removed ${removed} temporary folder(s) left by stopped workers`);

  const boss = createBoss("worker");
  boss.on("error", (error) => console.error("queue error:", error));
  await boss.start();
  await ensureQueues(boss);
  await registerHandlers(boss);
  await boss.schedule(jobs.retentionSweep.name, RETENTION_SCHEDULE);
  // Tasks may have been submitted while no worker was running.
  await requestDispatch(boss, { reason: "worker-start" });
  log(`worker ready (pid ${process.pid})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing running jobs`);
    // Running jobs get the grace period to finish; what is still running then goes back to the queue.
    await boss.stop({ graceful: true, timeout: getConfig().shutdownGraceSeconds * 1000 });
    await closeDb();
    log("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("worker failed to start:", error);
  }
  process.exit(1);
});
