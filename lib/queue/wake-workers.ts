import { listen, notify } from "../database/listen";
import { processSingleton } from "../process-singleton";
import { getBoss } from "./get-boss";

/** A consumer loop of this process that can be woken directly, and whether it is running a job. */
type Loop = { id: string; busy: boolean; wokenAt: number };

/** A woken loop counts as taken this long, so two wake-ups in a row do not pick the same one. */
const WAKE_CLAIM_MS = 100;

/** The channel wake-ups for other processes travel on: "<queue> <count>". */
const WAKE_CHANNEL = "clipclean_wake_workers";

const loops = processSingleton<Map<string, Loop[]>>("wakeable-loops");
const loopsOf = (name: string): Loop[] => loops.get(() => new Map()).get(name) ?? [];

/** Wakes up to `count` idle loops of `name` in this process (every idle loop for Infinity); returns how many. */
async function wakeHere(name: string, count: number): Promise<number> {
  const now = Date.now();
  const idle = loopsOf(name).filter((loop) => loop.id && !loop.busy && now - loop.wokenAt > WAKE_CLAIM_MS).slice(0, count);
  if (idle.length === 0) return 0;
  const boss = await getBoss();
  for (const loop of idle) {
    loop.wokenAt = now;
    boss.notifyWorker(loop.id);
  }
  return idle.length;
}

/**
 * The first loop registered makes this process listen for other processes' wake-ups. After a lost
 * connection comes back every idle loop fetches once, since wake-ups sent meanwhile were missed; while
 * nobody listens, polling still finds every job.
 */
function listenForWakeUps(): void {
  if (loops.peek()?.size) return;
  listen(WAKE_CHANNEL, {
    notification(payload) {
      const [name = "", count = "0"] = payload.split(" ");
      void wakeHere(name, Number(count));
    },
    resync() {
      for (const name of loops.peek()?.keys() ?? []) void wakeHere(name, Infinity);
    },
  }).ready.catch((error: unknown) => console.error("not listening for wake-ups yet (polling still finds every job):", error));
}

/** Registers one consumer loop of `name`; the caller sets its pg-boss worker id, and its handler flips `busy`. */
export function registerWakeableLoop(name: string): Loop {
  const loop = { id: "", busy: false, wokenAt: 0 };
  listenForWakeUps();
  loops.get(() => new Map()).set(name, [...loopsOf(name), loop]);
  return loop;
}

/**
 * Wakes consumers of `name` for `count` new jobs: each process that hears of it wakes at most
 * `count` of its idle loops, so a batch of jobs costs a few fetches, not one per loop on every host.
 * "here-first" wakes that many idle loops of this process and tells the other processes only of the
 * rest: a slot freed here is refilled here. "everywhere" tells every process of all of them (this
 * one included), so that a batch of new work spreads across the hosts instead of landing on the one
 * that admitted it.
 */
export async function wakeWorkers(name: string, count: number, where: "here-first" | "everywhere"): Promise<void> {
  if (count <= 0) return;
  const rest = where === "everywhere" ? count : count - (await wakeHere(name, count));
  if (rest <= 0) return;
  await notify(WAKE_CHANNEL, `${name} ${rest}`);
}
