import { cropPlanes, yuv420Bytes, type CropLayout } from "./crop-layout";
import { addCropFrame, emptyCropStats } from "./estimate-matte";
import { readCropFrames } from "./read-crop-frames";
import { copyBox, restoreFrame } from "./restore-frame";
import { chooseRestoringMatte } from "./restoring-matte";
import { openTimedFramesFile } from "./timed-frames-file";

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

/** One region's restored boxes, written to `outputPath` (see timed-frames-file.ts). */
export async function restoreCrops(options: RestoreCropsOptions): Promise<void> {
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
  async function* framesInSpan() {
    for await (const { index, frame } of readCropFrames(cropPath, frameBytes)) {
      if (index % 256 === 0) signal.throwIfAborted();
      if (inSpan(index)) yield frame;
    }
  }
  const matte = await chooseRestoringMatte(layout, stats, framesInSpan);
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
}
