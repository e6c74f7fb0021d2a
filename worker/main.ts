import { ConfigError, getConfig } from "../lib/config";
import { migrateOnStartup } from "../lib/database/migrate-on-startup";
import { closeDb } from "../lib/db";
import { createBoss } from "../lib/queue/create-boss";
import { ensureQueues } from "../lib/queue/queue-options";

/** How long running jobs may take to finish after SIGTERM before they are handed back. */
const SHUTDOWN_GRACE_MS = 20_000;

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  getConfig();
  await migrateOnStartup(log);

  const boss = createBoss("worker");
  boss.on("error", (error) => console.error("queue error:", error));
  await boss.start();
  await ensureQueues(boss);
  log(`worker ready (pid ${process.pid})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing running jobs`);
    await boss.stop({ graceful: true, timeout: SHUTDOWN_GRACE_MS });
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
