import { open } from "node:fs/promises";
import { cropPlanes, yuv420Bytes, type CropLayout } from "./crop-layout";
import { addCropFrame, emptyCropStats, estimateMatte } from "./estimate-matte";
import { readCropFrames } from "./read-crop-frames";
import { copyBox, restoreFrame } from "./restore-frame";

/** What restore made of one region: restored boxes in `outputPath`, or delogo where it cannot do better. */
export type RestoreOutcome = { method: "restore" | "delogo"; motion: number; evenness: number; markShare: number };

export type RestoreCropsOptions = {
  cropPath: string;
  outputPath: string;
  layout: CropLayout;
  /** Each frame's second, for the region's time span. */
  seconds: number[];
  fromSecond?: number | null;
  toSecond?: number | null;
  signal: AbortSignal;
};

/**
 * Background spread (8-bit luma levels, median over the box) below which the frames cannot tell the
 * mark from the picture: a still camera over a still scene. delogo is used there.
 */
export const MIN_MOTION = 3;

const FRAMES_PER_WRITE = 32;

export async function restoreCrops(options: RestoreCropsOptions): Promise<RestoreOutcome> {
  const { cropPath, outputPath, layout, seconds, signal } = options;
  const frameBytes = yuv420Bytes(layout.crop);
  const inSpan = (index: number) => {
    const second = seconds[index] ?? Infinity;
    return second >= (options.fromSecond ?? -Infinity) && second <= (options.toSecond ?? Infinity);
  };
  const stats = emptyCropStats(frameBytes);
  const planes = cropPlanes(layout);
  for await (const { index, frame } of readCropFrames(cropPath, frameBytes)) {
    if (inSpan(index)) addCropFrame(stats, planes, frame);
    if (index % 256 === 0) signal.throwIfAborted();
  }
  const matte = estimateMatte(layout, stats);
  const { motion, evenness, markShare } = matte;
  if (motion < MIN_MOTION) return { method: "delogo", motion, evenness, markShare };
  const boxBytes = yuv420Bytes(layout.box);
  const output = await open(outputPath, "w");
  try {
    const batch = new Uint8Array(boxBytes * FRAMES_PER_WRITE);
    const fillBuffer = new Float32Array(layout.box.width * layout.box.height);
    let filled = 0;
    for await (const { index, frame } of readCropFrames(cropPath, frameBytes)) {
      const out = batch.subarray(filled * boxBytes, (filled + 1) * boxBytes);
      if (inSpan(index)) restoreFrame(matte, frame, out, fillBuffer);
      else copyBox(matte, frame, out);
      filled += 1;
      if (filled < FRAMES_PER_WRITE) continue;
      signal.throwIfAborted();
      await output.write(batch);
      filled = 0;
    }
    await output.write(batch.subarray(0, filled * boxBytes));
  } finally {
    await output.close();
  }
  return { method: "restore", motion, evenness, markShare };
}
