import { processSingleton } from "../process-singleton";
import { collectMetrics } from "./collect-metrics";

/** Scrapes within this long of a computation get its result. */
const METRICS_CACHE_MS = 10_000;

type Exposition = Awaited<ReturnType<typeof collectMetrics>>;

type Computation = { startedAt: number; exposition: Promise<Exposition> };

const latest = processSingleton<Computation>("metrics");

/**
 * The metrics exposition, computed at most once every 10 s per process: scrapes that arrive while it
 * is being computed wait for the same computation. A failed computation is not kept.
 */
export function readCachedMetrics(now = Date.now()): Promise<Exposition> {
  const cached = latest.peek();
  if (cached && now - cached.startedAt < METRICS_CACHE_MS) return cached.exposition;
  latest.forget();
  const entry = latest.get(() => ({ startedAt: now, exposition: collectMetrics() }));
  entry.exposition.catch(() => latest.forget(entry));
  return entry.exposition;
}
