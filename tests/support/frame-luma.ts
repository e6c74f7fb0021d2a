import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";

const run = promisify(execFile);

export type Rect = { x: number; y: number; width: number; height: number };
export type GrayFrame = { width: number; height: number; pixels: Buffer };

/** One decoded frame as 8-bit luma. */
export async function grayFrame(path: string, atSecond: number, size: { width: number; height: number }): Promise<GrayFrame> {
  const args = ["-v", "error", "-ss", String(atSecond), "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"];
  const { stdout } = await run(ffmpegPaths().ffmpeg, args, { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  return { ...size, pixels: stdout };
}

/** Mean absolute luma difference between two frames, inside `rect` or (with `outside`) everywhere else. */
export function meanLumaDifference(a: GrayFrame, b: GrayFrame, rect: Rect, where: "inside" | "outside"): number {
  let total = 0;
  let count = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      const inside = x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
      if (inside !== (where === "inside")) continue;
      const index = y * a.width + x;
      total += Math.abs((a.pixels[index] ?? 0) - (b.pixels[index] ?? 0));
      count += 1;
    }
  }
  return total / count;
}
