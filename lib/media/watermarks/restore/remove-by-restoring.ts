import { join } from "node:path";
import { confinedInput } from "../../confined-input";
import type { VideoInfo } from "../../media-info";
import { AAC_AUDIO, H264_VIDEO } from "../../output-encoding";
import { runFfmpeg } from "../../run-ffmpeg";
import { cropLayout, yuv420Bytes, type CropLayout, type Rect } from "./crop-layout";
import { extractCrops } from "./extract-crops";
import { restoreCrops } from "./restore-crops";

type TimedRect = Rect & { fromSecond?: number | null; toSecond?: number | null };

export type RestoreRemovalOptions<Region extends TimedRect> = {
  inputPath: string;
  outputPath: string;
  info: VideoInfo;
  regions: Region[];
  workDir: string;
  signal: AbortSignal;
  onProgress?: (percent: number) => void;
};

type Restored = { layout: CropLayout; path: string };

/** Disk the boxes' frames may take in the work folder (twice: as read and as restored); longer videos are left to delogo. */
const MAX_CROP_BYTES = 3 * 1024 ** 3;

/**
 * Box pixels (640×480) a region restore takes may have: its fills keep up to 200 bytes per box pixel
 * each, and a few are judged at once (a 960×540 box: 0.64 GB of memory and 22 s for 1.5 s of 1080p;
 * a 1600×800 box 1.2 GB and 48 s). Real marks are far smaller (the largest on the real-footage
 * bench: 346×50); larger boxes are left to delogo.
 */
const MAX_BOX_PIXELS = 640 * 480;

/**
 * Whether restore takes these regions: none larger than MAX_BOX_PIXELS, and their crops of every frame
 * fit in the work folder's budget (frames counted at 60 per second when unknown).
 */
export function restoreFits(info: VideoInfo, regions: Rect[]): boolean {
  if (regions.some((region) => region.width * region.height > MAX_BOX_PIXELS)) return false;
  const frames = info.durationSec * (info.video.fps ?? 60);
  const bytes = regions.reduce((total, region) => total + yuv420Bytes(cropLayout(region, info.video).crop), 0);
  return bytes * frames * 2 <= MAX_CROP_BYTES;
}

/** Share of the progress bar the first decode takes (the second one also encodes). */
const FIRST_PASS_SHARE = 35;

/**
 * The second pass: the video with every restored box laid over its own frame. Frames keep their own times, which the boxes carry too (later by `timeShift` when the video
 * starts before zero), so box and frame meet exactly and the output keeps the source's timing. The
 * audio is copied when it already is AAC.
 */
function composeArgs<Region extends TimedRect>(options: RestoreRemovalOptions<Region>, restored: Restored[], timeShift: number): string[] {
  const { info } = options;
  const inputs = restored.flatMap(({ path }) => ["-f", "matroska", "-i", `file:${path}`]);
  const shifted = (sign: string) => (timeShift > 0 ? `,setpts=PTS${sign}${timeShift}/TB` : "");
  const steps = [`[0:v:0]format=yuv420p${shifted("+")}[frame0]`];
  restored.forEach(({ layout }, index) => {
    steps.push(`[frame${index}][${index + 1}:v]overlay=${layout.box.x}:${layout.box.y}:eof_action=pass:format=yuv420[frame${index + 1}]`);
  });
  const even = `crop=${info.video.width - (info.video.width % 2)}:${info.video.height - (info.video.height % 2)}:0:0`;
  steps.push(`[frame${restored.length}]${even}${shifted("-")}[out]`);
  const audio = !info.audio ? ["-an"] : info.audio.codec === "aac" ? ["-c:a", "copy"] : AAC_AUDIO;
  return [
    ...confinedInput(options.inputPath, info.format),
    ...inputs,
    "-filter_complex", steps.join(";"),
    "-map", "[out]", "-map", "0:a:0?",
    ...H264_VIDEO, "-fps_mode", "passthrough",
    ...audio,
    "-movflags", "+faststart",
    "-y", options.outputPath,
  ];
}

/** Removes every region by restoring what is under it (see restore-crops.ts). */
export async function removeByRestoring<Region extends TimedRect>(options: RestoreRemovalOptions<Region>): Promise<void> {
  const { info, regions, workDir, signal, onProgress } = options;
  const layouts = regions.map((region) => cropLayout(region, info.video));
  const onFirstPass = onProgress && ((percent: number) => onProgress((percent * FIRST_PASS_SHARE) / 100));
  const { paths, seconds } = await extractCrops({ inputPath: options.inputPath, info, layouts, workDir, signal, onProgress: onFirstPass });
  const timeShift = -seconds.reduce((earliest, second) => Math.min(earliest, second), 0);
  const restored: Restored[] = [];
  for (const [index, region] of regions.entries()) {
    const path = join(workDir, `restored-${index}.mkv`);
    const layout = layouts[index]!;
    await restoreCrops({ cropPath: paths[index]!, outputPath: path, layout, seconds, timeShift, ...region, signal });
    restored.push({ layout, path });
  }
  await runFfmpeg({
    args: composeArgs(options, restored, timeShift),
    expectedSeconds: info.durationSec,
    signal,
    onProgress: onProgress && ((percent) => onProgress(FIRST_PASS_SHARE + (percent * (100 - FIRST_PASS_SHARE)) / 100)),
  });
}
