import type { PgBoss } from "pg-boss";
import { processSingleton } from "../process-singleton";
import { createBoss, type BossRole } from "./create-boss";
import { ensureQueues } from "./queue-options";

const boss = processSingleton<Promise<PgBoss>>("pg-boss");

async function startBoss(role: BossRole): Promise<PgBoss> {
  const started = createBoss(role);
  started.on("error", (error) => console.error("pg-boss error:", error));
  await started.start();
  await ensureQueues(started);
  return started;
}

/**
 * This process's started pg-boss, created on first use and shared afterwards. The worker asks for it
 * first, with "worker", at start-up; every later caller (and the whole web app) gets that instance.
 */
export function getBoss(role: BossRole = "web"): Promise<PgBoss> {
  return boss.get(() => {
    const starting: Promise<PgBoss> = startBoss(role).catch((error: unknown) => {
      boss.forget(starting);
      throw error;
    });
    return starting;
  });
}

/**
 * Stops this process's pg-boss, giving running jobs up to `graceMs` to finish; the next getBoss starts
 * afresh. The instance stays in place while it stops: jobs finishing in the grace period still send
 * their dispatch wake-ups through it instead of starting a second pg-boss mid-shutdown.
 */
export async function stopBoss(graceMs = 0): Promise<void> {
  const starting = boss.peek();
  if (!starting) return;
  try {
    await (await starting).stop({ graceful: graceMs > 0, timeout: graceMs });
  } finally {
    boss.forget(starting);
  }
}
