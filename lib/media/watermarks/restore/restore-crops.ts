import { cropPlanes, yuv420Bytes, type CropLayout } from "./crop-layout";
import { addCropFrame, emptyCropStats, estimateMatte, type Matte } from "./estimate-matte";
import { readCropFrames } from "./read-crop-frames";
import { copyBox, restoreFrame } from "./restore-frame";
import { openTimedFramesFile } from "./timed-frames-file";

/** What restore made of one region: restored boxes in `outputPath` (see timed-frames-file.ts), or delogo where it cannot do better. */
export type RestoreOutcome = { method: "restore" | "delogo"; motion: number; evenness: number; markShare: number };

export type RestoreCropsOptions = {
  cropPath: string;
  outputPath: string;
  layout: CropLayout;
  /** Each frame's second, for the region's time span. */
  seconds: number[];
  /** Added to each frame's second in `outputPath`, whose times cannot be negative. */
  timeShift: number;
  fromSecond?: number | null;
  toSecond?: number | null;
  signal: AbortSignal;
};

/**
 * Background spread (8-bit luma levels, median over the box) below which the frames cannot tell the
 * mark from the picture: a still camera over a still scene. The box is filled from the ring there.
 */
const MIN_MOTION = 3;

/**
 * Evenness of the background's spread (see Matte) below which one thing moves in a still scene: the
 * ring cannot tell how much each pixel under the mark moves, the matte is guesswork, and delogo does
 * better on real footage (a ball thrown past a fixed camera, a phone's text over a still street).
 */
const MIN_EVENNESS = 0.15;

/**
 * The matte restore works with, or null where it leaves the region to delogo. Over a still picture
 * the frames say nothing about the mark, so every box pixel takes the fill from the ring, which on
 * real footage does better than delogo there (a screencast's handle over a gradient: 22.2 → 31.1 dB).
 */
export function restoringMatte(matte: Matte): Matte | null {
  if (matte.motion < MIN_MOTION) {
    return { ...matte, planes: matte.planes.map((plane) => ({ ...plane, alpha: new Float32Array(plane.alpha.length).fill(Number.NaN) })) };
  }
  return matte.evenness >= MIN_EVENNESS ? matte : null;
}

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
  const estimated = estimateMatte(layout, stats);
  const { motion, evenness, markShare } = estimated;
  const matte = restoringMatte(estimated);
  if (!matte) return { method: "delogo", motion, evenness, markShare };
  const output = await openTimedFramesFile(outputPath, layout.box);
  try {
    const box = new Uint8Array(yuv420Bytes(layout.box));
    const fillBuffer = new Float32Array(layout.box.width * layout.box.height);
    for await (const { index, frame } of readCropFrames(cropPath, frameBytes)) {
      if (inSpan(index)) restoreFrame(matte, frame, box, fillBuffer);
      else copyBox(matte, frame, box);
      await output.write(box, seconds[index]! + options.timeShift);
      if (index % 256 === 0) signal.throwIfAborted();
    }
  } finally {
    await output.close();
  }
  return { method: "restore", motion, evenness, markShare };
}
