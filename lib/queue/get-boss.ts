import type { PgBoss } from "pg-boss";
import { createBoss } from "./create-boss";
import { ensureQueues } from "./queue-options";

const globalForBoss = globalThis as unknown as { bossStarting?: Promise<PgBoss> };

/** The web process's started pg-boss instance, created on first use and shared afterwards. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.bossStarting ??= (async () => {
    const boss = createBoss("web");
    boss.on("error", (error) => console.error("pg-boss error:", error));
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.bossStarting = undefined;
    throw error;
  });
  return globalForBoss.bossStarting;
}
