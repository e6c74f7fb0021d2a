import { getDb } from "../db";
import { RATE_WINDOW_SECONDS } from "./consume-rate-limit";


/** Deletes rate-limit windows that have ended; returns how many rows went. Safe to call from any process, any time. */
export async function deleteOldRateWindows({ now = Date.now() }: { now?: number } = {}): Promise<number> {
  const { count } = await getDb().rateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now - RATE_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
