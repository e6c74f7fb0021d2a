import { confinedInput } from "./confined-input";
import type { VideoInfo } from "./media-info";
import { runFfmpeg } from "./run-ffmpeg";

/**
 * How long a video really runs, by its packets rather than its header (which a hostile file may
 * overstate): one demux-only pass, nothing decoded, capped at the declared duration.
 */
export async function measureContentSeconds(path: string, info: VideoInfo, signal: AbortSignal): Promise<number> {
  let lastPosition = 0;
  await runFfmpeg({
    args: [...confinedInput(path, info.format), "-map", "0:v:0", "-map", "0:a?", "-c", "copy", "-f", "null", "-"],
    expectedSeconds: 0,
    signal,
    onPosition: (seconds) => (lastPosition = Math.max(lastPosition, seconds)),
  });
  // ffmpeg reports where the last packet starts: add one frame for where it ends.
  const lastFrame = 1 / (info.video.fps ?? 25);
  return Math.min(info.durationSec, lastPosition + lastFrame);
}
