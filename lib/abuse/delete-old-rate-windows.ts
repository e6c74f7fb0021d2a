import { getDb } from "../db";

/** The longest window any rate limit uses; older windows can no longer refuse anything. */
export const LONGEST_RATE_WINDOW_SECONDS = 3600;

/** Deletes rate-limit windows that have ended; returns how many rows went. Safe to call from any process, any time. */
export async function deleteOldRateWindows({ now = Date.now() }: { now?: number } = {}): Promise<number> {
  const { count } = await getDb().rateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now - LONGEST_RATE_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
