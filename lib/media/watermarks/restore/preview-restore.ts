import { readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { confinedInput } from "../../confined-input";
import type { VideoInfo } from "../../media-info";
import { runFfmpeg } from "../../run-ffmpeg";
import { cropLayout, cropPlanes, yuv420Bytes, type CropLayout, type Rect } from "./crop-layout";
import { addCropFrame, emptyCropStats } from "./estimate-matte";
import { readCropFrames } from "./read-crop-frames";
import { chooseRestoringMatte } from "./restoring-matte";
import { restoreFrame } from "./restore-frame";

/** A region's box as restore leaves it in one frame (yuv420p of `layout.box`), or null where the frame could not be read. */
export type PreviewBox = { layout: CropLayout; box: Uint8Array } | null;

type PreviewOptions = { inputPath: string; info: VideoInfo; regions: Rect[]; atSecond: number; workDir: string; signal: AbortSignal };

/** Frames the mark is learnt from for a preview: spread over the whole video, as few as keeps it within seconds. */
const SAMPLES = 64;
/**
 * With fewer keyframes than this, frames are sampled from a decode of the frames others refer to (the
 * decoder skips B-frames, which no I- or P-frame refers to, so the rest decode exactly), the video cut
 * into one stretch per core, decoded side by side (skipping frames stops a decoder's own threads): a
 * minute of 1080p with a keyframe every 8 s took 8.2 s to preview with every frame decoded.
 */
const MIN_KEYFRAMES = 24;

/** The frames chosen by `filter` over the whole video, decoded as one stretch per core at once (see MIN_KEYFRAMES); one file per layout, as decodeCrops writes. */
async function decodeReferenceFrames(options: PreviewOptions, layouts: CropLayout[], filter: string): Promise<string[]> {
  const stretches = Math.max(1, Math.min(4, availableParallelism()));
  const length = options.info.durationSec / stretches;
  const parts = await Promise.all(
    Array.from({ length: stretches }, (_, part) => {
      const span = ["-ss", (part * length).toFixed(3), ...(part < stretches - 1 ? ["-t", length.toFixed(3)] : [])];
      return decodeCrops(options, layouts, `sampled-${part}`, { before: ["-skip_frame", "bidir", ...span], filter });
    }),
  );
  return Promise.all(
    layouts.map(async (_, index) => {
      const path = join(options.workDir, `sampled-${index}.yuv`);
      await writeFile(path, Buffer.concat(await Promise.all(parts.map((files) => readFile(files[index]!)))));
      await Promise.all(parts.map((files) => rm(files[index]!, { force: true })));
      return path;
    }),
  );
}

/** Each layout's crop of the chosen frames, as raw yuv420p files (one per layout), decoded once. */
async function decodeCrops(options: PreviewOptions, layouts: CropLayout[], name: string, selection: { before: string[]; filter: string }): Promise<string[]> {
  const paths = layouts.map((_, index) => join(options.workDir, `${name}-${index}.yuv`));
  const labels = layouts.map((_, index) => `[in${index}]`).join("");
  const crops = layouts.map(({ crop }, index) => `[in${index}]crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}[crop${index}]`);
  await runFfmpeg({
    args: [
      ...selection.before, ...confinedInput(options.inputPath, options.info.format),
      "-filter_complex", [`[0:v:0]${selection.filter}format=yuv420p,split=${layouts.length}${labels}`, ...crops].join(";"),
      ...layouts.flatMap((_, index) => ["-map", `[crop${index}]`, "-fps_mode", "passthrough", "-f", "rawvideo", "-y", paths[index]!]),
    ],
    expectedSeconds: 0,
    signal: options.signal,
  });
  return paths;
}

/**
 * What restore does to one frame, for a preview: the mark's matte learnt from frames sampled over the
 * whole video (its keyframes, or when it has few, its I- and P-frames) instead of from every
 * frame, then the frame at `atSecond` restored with it, as the task would. `atSecond` is sought
 * exactly as the preview's own decode does.
 */
export async function restorePreviewBoxes(options: PreviewOptions): Promise<PreviewBox[]> {
  const { info, regions } = options;
  const layouts = regions.map((region) => cropLayout(region, info.video));
  const interval = Math.max(0.04, info.durationSec / SAMPLES).toFixed(3);
  let samples = await decodeCrops(options, layouts, "keyframes", { before: ["-skip_frame", "nokey"], filter: "" });
  const frameBytes = layouts.map(({ crop }) => yuv420Bytes(crop));
  const keyframes = Math.floor(((await readFile(samples[0]!)).length) / frameBytes[0]!);
  if (keyframes < MIN_KEYFRAMES) {
    await Promise.all(samples.map((path) => rm(path, { force: true })));
    samples = await decodeReferenceFrames(options, layouts, `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${interval})',`);
  }
  const shown = await decodeCrops(options, layouts, "shown", { before: ["-ss", options.atSecond.toFixed(3)], filter: "trim=end_frame=1," });
  const boxes: PreviewBox[] = [];
  for (const [index, layout] of layouts.entries()) {
    const stats = emptyCropStats(frameBytes[index]!);
    const planes = cropPlanes(layout);
    for await (const { frame } of readCropFrames(samples[index]!, frameBytes[index]!)) addCropFrame(stats, planes, frame);
    const path = samples[index]!;
    const matte = await chooseRestoringMatte(layout, stats, async function* () {
      for await (const { frame } of readCropFrames(path, frameBytes[index]!)) yield frame;
    });
    const frame = new Uint8Array(await readFile(shown[index]!));
    if (frame.length < frameBytes[index]!) {
      boxes.push(null);
      continue;
    }
    const box = new Uint8Array(yuv420Bytes(layout.box));
    restoreFrame(matte, frame.subarray(0, frameBytes[index]!), box, new Float32Array(layout.box.width * layout.box.height));
    boxes.push({ layout, box });
  }
  await Promise.all([...samples, ...shown].map((path) => rm(path, { force: true })));
  return boxes;
}
