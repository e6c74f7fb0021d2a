import type { PgBoss } from "pg-boss";
import { createBoss, type BossRole } from "./create-boss";
import { ensureQueues } from "./queue-options";

const globalForBoss = globalThis as unknown as { bossStarting?: Promise<PgBoss> };

/**
 * This process's started pg-boss, created on first use and shared afterwards. The worker asks for it
 * first, with "worker", at start-up; every later caller (and the whole web app) gets that instance.
 */
export function getBoss(role: BossRole = "web"): Promise<PgBoss> {
  globalForBoss.bossStarting ??= (async () => {
    const boss = createBoss(role);
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

/**
 * Stops this process's pg-boss, giving running jobs up to `graceMs` to finish; the next getBoss starts
 * afresh. The instance stays in place while it stops: jobs finishing in the grace period still send
 * their dispatch wake-ups through it instead of starting a second pg-boss mid-shutdown.
 */
export async function stopBoss(graceMs = 0): Promise<void> {
  const starting = globalForBoss.bossStarting;
  if (!starting) return;
  try {
    await (await starting).stop({ graceful: graceMs > 0, timeout: graceMs });
  } finally {
    if (globalForBoss.bossStarting === starting) globalForBoss.bossStarting = undefined;
  }
}
