import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";

/** A PNG of random pixels: it barely compresses, so its size (about 1.45 bytes a pixel) follows its dimensions. */
export async function makeNoiseImage({ width, height }: { width: number; height: number }): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "clipclean-noise-")), `noise-${width}x${height}.png`);
  await promisify(execFile)(ffmpegPaths().ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", `nullsrc=size=${width}x${height},format=rgb24,geq=r='random(1)*255':g='random(2)*255':b='random(3)*255'`,
    "-frames:v", "1",
    path,
  ]);
  return path;
}
