import { execFile } from "node:child_process";
import { promisify } from "node:util";

type Rect = { x: number; y: number; width: number; height: number };

/**
 * How visible a static mark is inside `box`: the mean Sobel edge strength of the clip's average frame
 * there (moving content blurs out of the average; a mark that stays put keeps its edges).
 */
export async function markEdgeEnergy(ffmpeg: string, path: string, size: { width: number; height: number }, box: Rect): Promise<number> {
  const { stdout } = await promisify(execFile)(ffmpeg, ["-v", "error", "-i", path, "-vf", "fps=5,format=gray", "-f", "rawvideo", "-"], {
    encoding: "buffer",
    maxBuffer: 512 * 1024 * 1024,
  });
  const pixels = size.width * size.height;
  const frames = Math.floor(stdout.length / pixels);
  const mean = new Float64Array(pixels);
  for (let frame = 0; frame < frames; frame += 1) {
    for (let index = 0; index < pixels; index += 1) mean[index]! += (stdout[frame * pixels + index] ?? 0) / frames;
  }
  const at = (x: number, y: number) => mean[y * size.width + x] ?? 0;
  let total = 0;
  let count = 0;
  for (let y = Math.max(1, box.y); y < Math.min(size.height - 1, box.y + box.height); y += 1) {
    for (let x = Math.max(1, box.x); x < Math.min(size.width - 1, box.x + box.width); x += 1) {
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      total += Math.hypot(gx, gy) / 4;
      count += 1;
    }
  }
  return total / Math.max(1, count);
}
