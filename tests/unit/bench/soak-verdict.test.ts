import { describe, expect, it } from "vitest";
import { judgeFlatness as judgeWithWarmUp, linearSlope, soakFailures, warmUpMs, type ResourceSample } from "@/bench/support/soak-verdict";

/** A sample every 5 s for `minutes`, memory and files as functions of the minute. */
function run(minutes: number, rssKiB: (minute: number) => number, fds: (minute: number) => number = () => 40): ResourceSample[] {
  return Array.from({ length: (minutes * 60) / 5 + 1 }, (_, index) => {
    const minute = (index * 5) / 60;
    return { atMs: index * 5_000, rssKiB: rssKiB(minute), fds: fds(minute) };
  });
}

/** As a 10-minute run judges its processes. */
const judgeFlatness = (samples: ResourceSample[]) => judgeWithWarmUp(samples, warmUpMs(10 * 60_000));

describe("soak verdict", () => {
  it("fits a straight line's slope, noise or not", () => {
    expect(linearSlope([0, 1, 2, 3], [10, 12, 14, 16])).toBeCloseTo(2);
    expect(linearSlope([0, 1, 2, 3], [10, 14, 10, 14])).toBeCloseTo(0.8);
    expect(linearSlope([5], [1])).toBe(0);
  });

  it("calls a process flat when only its warm-up grew, and not when it keeps growing", () => {
    // Start-up climbs 100 MiB in the first 2 minutes, then a sawtooth of garbage collection around a level.
    const settles = judgeFlatness(run(10, (minute) => (minute < 2 ? 50_000 + minute * 50_000 : 150_000 + ((minute * 60) % 30) * 100)));
    expect(settles.flat).toBe(true);
    const leaks = judgeFlatness(run(10, (minute) => 150_000 + minute * 2_048));
    expect(leaks).toMatchObject({ flat: false, rssKiBPerMin: 2048 });
    const losesFiles = judgeFlatness(run(10, () => 150_000, (minute) => 40 + Math.floor(minute * 2)));
    expect(losesFiles.flat).toBe(false);
  });

  it("does not judge a process seen too briefly, and lists every failed condition", () => {
    expect(judgeFlatness(run(1, (minute) => 150_000 + minute * 10_000)).flat).toBeNull();
    const processes = { web: judgeFlatness(run(10, (minute) => 150_000 + minute * 2_048)), worker: judgeFlatness(run(1, () => 1)) };
    expect(soakFailures({ tasksLost: 0, duplicatedOutputs: 1, stuck: 0, serverErrors: 0, crashes: 0 }, processes)).toEqual([
      "duplicatedOutputs: 1",
      "web not flat: 2048 KiB/min, 0 fds/min",
    ]);
  });
});
