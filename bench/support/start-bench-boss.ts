import type { PgBoss } from "pg-boss";

/** A started pg-boss that sends like the web app does (call after benchEnvironment()). */
export async function startBenchBoss(): Promise<PgBoss> {
  const { createBoss } = await import("../../lib/queue/create-boss");
  const { ensureQueues } = await import("../../lib/queue/queue-options");
  const boss = createBoss("web");
  await boss.start();
  await ensureQueues(boss);
  return boss;
}
