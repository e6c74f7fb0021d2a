/** How far back the speed is averaged: long enough to be steady, short enough to follow a change. */
const WINDOW_MS = 5_000;

export type TransferRate = { bytesPerSecond: number | null; secondsLeft: number | null };

/** Speed and time left of a transfer from its progress samples; `reset` after a pause or a drop. */
export function transferRate() {
  let samples: { at: number; bytes: number }[] = [];
  return {
    sample(bytes: number, total: number): TransferRate {
      const at = performance.now();
      samples = [...samples.filter((sample) => at - sample.at <= WINDOW_MS), { at, bytes }];
      const oldest = samples[0]!;
      const seconds = (at - oldest.at) / 1000;
      if (seconds < 0.5 || bytes <= oldest.bytes) return { bytesPerSecond: null, secondsLeft: null };
      const bytesPerSecond = (bytes - oldest.bytes) / seconds;
      return { bytesPerSecond, secondsLeft: (total - bytes) / bytesPerSecond };
    },
    reset() {
      samples = [];
    },
  };
}
