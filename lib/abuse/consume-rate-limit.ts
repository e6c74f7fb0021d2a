import { getDb } from "../db";
import { AppError } from "../errors";
import { deleteOldRateWindows } from "./delete-old-rate-windows";

export type RateLimit = { key: string; limit: number; windowSeconds: number; now?: number };

/** About one check in this many also clears expired windows, so the table stays small without a sweep. */
const CLEANUP_ONE_IN = 500;

/**
 * Counts one action against `key` in the current fixed window and refuses it (429 rate_limited, with the
 * seconds until the window ends) once the window holds more than `limit`.
 *
 * The counters live in PostgreSQL rather than in process memory or a library such as
 * rate-limiter-flexible: every web process shares them, the one atomic upsert below is all the logic
 * there is, and the table is covered by our own migrations and schema test instead of a new dependency
 * that creates its own tables at run time.
 */
export async function consumeRateLimit({ key, limit, windowSeconds, now = Date.now() }: RateLimit): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const db = getDb();
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`;
  if (Math.random() * CLEANUP_ONE_IN < 1) await deleteOldRateWindows({ now });
  if (row!.count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
  throw new AppError("rate_limited", undefined, undefined, { retryAfterSeconds });
}
