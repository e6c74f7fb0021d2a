import { ConfigError, createDevelopmentSecrets, getConfig } from "../lib/config";
import { migrateOnStartup } from "../lib/database/apply-migrations";
import { closeDb } from "../lib/db";
import { getBoss, stopBoss } from "../lib/queue/get-boss";
import { jobs } from "../lib/queue/jobs";
import { requestDispatch } from "../lib/tasks/run/dispatch-tasks";
import { workQueues, type QueueHandler } from "../lib/queue/work-queues";
import { removeStaleTempDirs } from "../lib/storage/temp-folders";
import { describeRole } from "../lib/roles/describe-role";
import { getStorage } from "../lib/storage/get-storage";
import { checkTaskTypes } from "../lib/tasks/types/task-types";
import { handlers } from "./handlers/index";

/** How often expired files are swept (cron). */
const RETENTION_SCHEDULE = "*/10 * * * *";

const log = (line: string) => console.log(line);

/** Every queue must have its handler, registered under its own name: fail at start-up otherwise. */
function checkedHandlers(): QueueHandler[] {
  return Object.values(jobs).map(({ name }) => {
    const handler = (handlers as Partial<Record<string, QueueHandler>>)[name];
    if (!handler || handler.name !== name) throw new Error(`no handler registered for queue ${name}`);
    return handler;
  });
}

async function main(): Promise<void> {
  createDevelopmentSecrets();
  log(describeRole("worker", getConfig(), getStorage()));
  checkedHandlers();
  checkTaskTypes();
  await migrateOnStartup(log);
  const removed = await removeStaleTempDirs();
  if (removed > 0) log(`removed ${removed} temporary folder(s) left by stopped workers`);

  await workQueues(checkedHandlers());
  await (await getBoss("worker")).schedule(jobs.retentionSweep.name, RETENTION_SCHEDULE);
  // Tasks may have been submitted while no worker was running.
  await requestDispatch({ reason: "worker-start" });
  log(`worker ready (pid ${process.pid})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing running jobs`);
    // Running jobs get the grace period to finish; what is still running then goes back to the queue.
    await stopBoss(getConfig().shutdownGraceSeconds * 1000);
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
