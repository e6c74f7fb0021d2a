/**
 * What a soak decides from its figures: whether each process's memory and open files stayed flat
 * (least-squares slope of each minute's floor after its warm-up), and whether the run held as a whole.
 */

export type ResourceSample = { atMs: number; rssKiB: number; fds: number };

/**
 * Growth a process may show and still count as flat (about 1.4 GiB and 1440 files a day): above what
 * caches filling and the number of open connections add to a fitted slope under a steady load.
 */
export const FLAT_RSS_KIB_PER_MIN = 1024;
export const FLAT_FDS_PER_MIN = 1;
/**
 * Samples taken while a process starts up (loading code, warming caches and pools, its heap growing to
 * the load) are not fitted: the first 30 s of its life, or the first fifth of the run if longer.
 */
export const warmUpMs = (runMs: number) => Math.max(30_000, runMs / 5);
/**
 * A process seen for less than this after its warm-up is reported, not judged: over a shorter span a
 * collection or a burst of connections moves the slope more than a leak does.
 */
export const MIN_JUDGED_SPAN_MS = 5 * 60_000;

/** The least-squares slope of `values` over `times`, per unit of time; 0 with fewer than two distinct times. */
export function linearSlope(times: number[], values: number[]): number {
  const count = times.length;
  if (count < 2) return 0;
  const meanTime = times.reduce((sum, time) => sum + time, 0) / count;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < count; index++) {
    covariance += (times[index]! - meanTime) * (values[index]! - meanValue);
    variance += (times[index]! - meanTime) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export type FlatnessVerdict = {
  samples: number;
  judgedSpanMin: number;
  rssKiBPerMin: number;
  fdsPerMin: number;
  /** null when the process lived too briefly after its warm-up to be judged. */
  flat: boolean | null;
};

/** Samples are fitted by the floor of each minute: a leak raises it, while collections and bursts only spike above it. */
const FLOOR_WINDOW_MS = 60_000;

/** The lowest sample of each window of `samples` by `value`, as (minute, value) points. */
function floors(samples: ResourceSample[], value: (sample: ResourceSample) => number): { minutes: number[]; values: number[] } {
  const start = samples[0]?.atMs ?? 0;
  const windows = Map.groupBy(samples, (sample) => Math.floor((sample.atMs - start) / FLOOR_WINDOW_MS));
  const lowest = [...windows.values()].map((window) => window.reduce((low, sample) => (value(sample) < value(low) ? sample : low)));
  return { minutes: lowest.map((sample) => sample.atMs / 60_000), values: lowest.map(value) };
}

/**
 * Whether one process's resident memory and open files stayed flat after its warm-up (`warmUp` ms):
 * the least-squares slope of each minute's floor.
 */
export function judgeFlatness(samples: ResourceSample[], warmUp: number): FlatnessVerdict {
  const start = samples[0]?.atMs ?? 0;
  const judged = samples.filter((sample) => sample.atMs - start >= warmUp);
  const span = judged.length > 0 ? judged.at(-1)!.atMs - judged[0]!.atMs : 0;
  const rss = floors(judged, (sample) => sample.rssKiB);
  const fds = floors(judged, (sample) => sample.fds);
  const rssKiBPerMin = linearSlope(rss.minutes, rss.values);
  const fdsPerMin = linearSlope(fds.minutes, fds.values);
  return {
    samples: judged.length,
    judgedSpanMin: Number((span / 60_000).toFixed(2)),
    rssKiBPerMin: Number(rssKiBPerMin.toFixed(1)),
    fdsPerMin: Number(fdsPerMin.toFixed(2)),
    flat: span < MIN_JUDGED_SPAN_MS ? null : rssKiBPerMin <= FLAT_RSS_KIB_PER_MIN && fdsPerMin <= FLAT_FDS_PER_MIN,
  };
}

export type SoakCounts = {
  tasksLost: number;
  duplicatedOutputs: number;
  stuck: number;
  /** 5xx answers other than 503 while the database was down, and requests the web server dropped. */
  serverErrors: number;
  /** Processes of the stack that exited without being told to (not the killed workers). */
  crashes: number;
};

/** The failed conditions of a soak, in words; empty when it held. */
export function soakFailures(counts: SoakCounts, processes: Record<string, FlatnessVerdict>): string[] {
  const failures = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name}: ${count}`);
  for (const [name, verdict] of Object.entries(processes)) {
    if (verdict.flat === false) failures.push(`${name} not flat: ${verdict.rssKiBPerMin} KiB/min, ${verdict.fdsPerMin} fds/min`);
  }
  return failures;
}
