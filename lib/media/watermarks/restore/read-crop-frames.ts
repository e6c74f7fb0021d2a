import { open } from "node:fs/promises";

/** Frames read at a time: a few megabytes for the largest boxes, few reads for the smallest. */
const FRAMES_PER_READ = 32;

/** The frames of a raw file of fixed-size frames, in order, each with its index (the buffer is reused). */
export async function* readCropFrames(path: string, frameBytes: number): AsyncGenerator<{ index: number; frame: Uint8Array }> {
  const file = await open(path, "r");
  try {
    const buffer = new Uint8Array(frameBytes * FRAMES_PER_READ);
    let index = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      const frames = Math.floor(bytesRead / frameBytes);
      for (let frame = 0; frame < frames; frame += 1) {
        yield { index, frame: buffer.subarray(frame * frameBytes, (frame + 1) * frameBytes) };
        index += 1;
      }
      if (bytesRead < buffer.length) return;
    }
  } finally {
    await file.close();
  }
}
