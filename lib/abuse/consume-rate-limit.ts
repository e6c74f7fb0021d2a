import { getDb } from "../db";
import { AppError } from "../errors";

/** Every rate limit counts per hour; the lifecycle sweep deletes windows older than this. */
export const RATE_WINDOW_SECONDS = 3600;

export type RateLimit = { key: string; limit: number; now?: number };

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
export async function consumeRateLimit({ key, limit, now = Date.now() }: RateLimit): Promise<void> {
  const windowMs = RATE_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const db = getDb();
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  if (row!.count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
  throw new AppError("rate_limited", undefined, undefined, { retryAfterSeconds });
}
