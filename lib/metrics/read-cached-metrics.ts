import { collectMetrics } from "./collect-metrics";

/** Scrapes within this long of a computation get its result. */
const METRICS_CACHE_MS = 10_000;

type Exposition = Awaited<ReturnType<typeof collectMetrics>>;

let cached: { startedAt: number; exposition: Promise<Exposition> } | undefined;

/**
 * The metrics exposition, computed at most once every 10 s per process: scrapes that arrive while it
 * is being computed wait for the same computation. A failed computation is not kept.
 */
export function readCachedMetrics(now = Date.now()): Promise<Exposition> {
  if (cached && now - cached.startedAt < METRICS_CACHE_MS) return cached.exposition;
  const entry = { startedAt: now, exposition: collectMetrics() };
  cached = entry;
  entry.exposition.catch(() => {
    if (cached === entry) cached = undefined;
  });
  return entry.exposition;
}
