import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";

/** Rate limits count per hour unless they say otherwise; the lifecycle sweep deletes windows older than this. */
export const RATE_WINDOW_SECONDS = 3600;

/** The one longer window (codes mailed per address per day): keys of such limits start with DAY_KEY_PREFIX. */
export const DAY_SECONDS = 86_400;
const DAY_KEY_PREFIX = "day:";

/** `windowSeconds` (RATE_WINDOW_SECONDS or less, or DAY_SECONDS) is the length of the fixed window the limit counts in. */
export type RateLimit = { key: string; limit: number; windowSeconds?: number; now?: number };

// Daily windows are marked in their key, so the sweep keeps them for a day rather than an hour.
const storedKey = (key: string, windowSeconds: number) => (windowSeconds > RATE_WINDOW_SECONDS ? `${DAY_KEY_PREFIX}${key}` : key);

function windowOf(now: number, windowSeconds: number): { start: Date; endMs: number } {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { start: new Date(start), endMs: start + windowMs };
}

/**
 * Counts one action against `key` in the current fixed window and refuses it (429 rate_limited, with the
 * seconds until the window ends) once the window holds more than `limit`. Ended windows are deleted by
 * the lifecycle sweep, not on the request path.
 *
 * The counters live in PostgreSQL rather than in process memory or a library such as
 * rate-limiter-flexible: every web process shares them, the one atomic upsert below is all the logic
 * there is, and the table is covered by our own migrations and schema test instead of a new dependency
 * that creates its own tables at run time.
 */
export async function consumeRateLimit({ key: name, limit, windowSeconds = RATE_WINDOW_SECONDS, now = Date.now() }: RateLimit): Promise<void> {
  const key = storedKey(name, windowSeconds);
  const window = windowOf(now, windowSeconds);
  const db = getDb();
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${window.start}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  if (row!.count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((window.endMs - now) / 1000));
  throw new AppError("rate_limited", undefined, undefined, { retryAfterSeconds });
}

/**
 * Gives back one action counted by consumeRateLimit with the same key, window and `now`: for limits that
 * count only failures, every try is counted first (so concurrent tries cannot slip past the limit) and a
 * success is given back.
 */
export async function refundRateLimit({ key: name, windowSeconds = RATE_WINDOW_SECONDS, now = Date.now() }: Omit<RateLimit, "limit">): Promise<void> {
  const window = windowOf(now, windowSeconds);
  const key = storedKey(name, windowSeconds);
  await getDb().$executeRaw`
    UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key} AND window_start = ${window.start}`;
}

/** Deletes rate-limit windows that have ended; returns how many rows went. Safe to call from any process, any time. */
export async function deleteOldRateWindows({ now = Date.now() }: { now?: number } = {}): Promise<number> {
  const { count } = await getDb().rateLimit.deleteMany({
    where: {
      OR: [
        { windowStart: { lt: new Date(now - RATE_WINDOW_SECONDS * 1000) }, NOT: { key: { startsWith: DAY_KEY_PREFIX } } },
        { windowStart: { lt: new Date(now - DAY_SECONDS * 1000) } },
      ],
    },
  });
  return count;
}

export type VisitorAction = "upload" | "task";

/** Counts one upload request or task creation (new or retried) of the visitor; 429 rate_limited past the hourly limit. */
export async function limitVisitorAction({ visitorId, action }: { visitorId: string; action: VisitorAction }): Promise<void> {
  const { rateLimits } = getConfig().limits;
  const limit = action === "upload" ? rateLimits.uploadsPerHour : rateLimits.tasksPerHour;
  await consumeRateLimit({ key: `${action}:${visitorId}`, limit });
}
