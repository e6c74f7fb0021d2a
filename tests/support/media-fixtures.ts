import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";

const run = promisify(execFile);

export type VideoSpec = {
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  audio?: boolean;
  /** Container by file extension: mp4 (H.264/AAC), webm (VP8/Vorbis) or mov. */
  format?: "mp4" | "webm" | "mov";
};

async function tempPath(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "clipclean-fixture-")), name);
}

/** A small generated test-pattern clip (with a 440 Hz tone when `audio`), written to a temp file. */
export async function makeVideo(spec: VideoSpec = {}): Promise<string> {
  const { seconds = 2, width = 320, height = 240, fps = 25, audio = true, format = "mp4" } = spec;
  const path = await tempPath(`clip-${width}x${height}-${fps}fps-${seconds}s.${format}`);
  const codecs =
    format === "webm"
      ? ["-c:v", "libvpx", "-b:v", "300k", ...(audio ? ["-c:a", "libvorbis"] : [])]
      : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", ...(audio ? ["-c:a", "aac"] : [])];
  await run(ffmpegPaths().ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    ...(audio ? ["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`] : []),
    ...codecs,
    "-shortest",
    path,
  ]);
  return path;
}

/** A generated image (PNG, JPEG or WebP by `format`). */
export async function makeImage({ width = 640, height = 480, format = "png" }: { width?: number; height?: number; format?: "png" | "jpg" | "webp" } = {}): Promise<string> {
  const path = await tempPath(`image-${width}x${height}.${format}`);
  await run(ffmpegPaths().ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=1:duration=1`,
    "-frames:v", "1",
    path,
  ]);
  return path;
}
