import { getBoss } from "./get-boss";
import { BOSS_SCHEMA } from "./create-boss";

/** A consumer loop of this process that can be woken directly, and whether it is running a job. */
type Loop = { id: string; busy: boolean; wokenAt: number };

/** A woken loop counts as taken this long, so two wake-ups in a row do not pick the same one. */
const WAKE_CLAIM_MS = 100;

const globalForLoops = globalThis as unknown as { wakeableLoops?: Map<string, Loop[]> };
const loopsOf = (name: string): Loop[] => (globalForLoops.wakeableLoops ??= new Map()).get(name) ?? [];

/** Registers one consumer loop of `name`; the caller sets its pg-boss worker id, and its handler flips `busy`. */
export function registerWakeableLoop(name: string): Loop {
  const loop = { id: "", busy: false, wokenAt: 0 };
  (globalForLoops.wakeableLoops ??= new Map()).set(name, [...loopsOf(name), loop]);
  return loop;
}

/**
 * Wakes consumers of `name` for `count` new jobs. "here-first" wakes that many idle loops of this
 * process and NOTIFYs every process only when it has too few: a slot freed here is refilled here,
 * without waking every idle loop on every host for each job. "everywhere" NOTIFYs every process at
 * once, so that a batch of new work spreads across the hosts instead of landing on the one that
 * admitted it.
 */
export async function wakeWorkers(name: string, count: number, where: "here-first" | "everywhere"): Promise<void> {
  if (count <= 0) return;
  if (where === "everywhere") return notifyQueue(name);
  const now = Date.now();
  const idle = loopsOf(name).filter((loop) => loop.id && !loop.busy && now - loop.wokenAt > WAKE_CLAIM_MS).slice(0, count);
  const boss = await getBoss();
  for (const loop of idle) {
    loop.wokenAt = now;
    boss.notifyWorker(loop.id);
  }
  if (idle.length < count) await notifyQueue(name);
}

/** The NOTIFY pg-boss itself sends for a notify-enabled queue: every process's consumers of `name` fetch. */
async function notifyQueue(name: string): Promise<void> {
  const channel = `'pgboss_' || left(encode(sha224('${BOSS_SCHEMA}'::bytea), 'hex'), 24)`;
  await (await getBoss()).getDb().executeSql(`SELECT pg_notify(${channel}, $1)`, [name]);
}
