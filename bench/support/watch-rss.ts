import { processRss, processTreeRss } from "./process-rss";

const MiB = 1024 ** 2;
const round1 = (bytes: number) => Number((bytes / MiB).toFixed(1));

/**
 * Samples a server's resident memory every 50 ms from now on; `stop()` reports the baseline, the peak
 * and the growth in MB, of the process alone and with its children (such as ffprobe), and the
 * process's RSS once a second.
 */
export function watchRss(pid: number) {
  const baseline = processTreeRss(pid);
  const baselineOwn = processRss(pid);
  let peak = baseline;
  let peakOwn = baselineOwn;
  const timeline: number[] = [];
  let ticks = 0;
  const sample = () => {
    if (ticks++ % 20 === 0) timeline.push(Math.round(processRss(pid) / MiB));
    peak = Math.max(peak, processTreeRss(pid));
    peakOwn = Math.max(peakOwn, processRss(pid));
  };
  const sampler = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(sampler);
      sample();
      return {
        serverRssBaselineMB: round1(baseline),
        serverRssPeakMB: round1(peak),
        serverTreeRssGrowthMB: round1(peak - baseline),
        serverProcessRssGrowthMB: round1(peakOwn - baselineOwn),
        serverProcessRssEverySecondMB: timeline,
      };
    },
  };
}
