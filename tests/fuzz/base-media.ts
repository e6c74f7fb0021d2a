import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { ffmpegPaths } from "../../lib/media/ffmpeg-paths";

const run = promisify(execFile);

/** Containers the base clips come in, each with codecs that container usually carries. */
const videoRecipes = {
  mp4: { mime: "video/mp4", codecs: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"] },
  mov: { mime: "video/quicktime", codecs: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"] },
  mkv: { mime: "video/x-matroska", codecs: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "libvorbis"] },
  webm: { mime: "video/webm", codecs: ["-c:v", "libvpx", "-b:v", "100k", "-c:a", "libvorbis"] },
  avi: { mime: "video/x-msvideo", codecs: ["-c:v", "mpeg4", "-c:a", "libmp3lame"] },
  ts: { mime: "video/mp2t", codecs: ["-c:v", "mpeg2video", "-c:a", "mp2"] },
  flv: { mime: "video/x-flv", codecs: ["-c:v", "flv", "-c:a", "libmp3lame", "-ar", "44100"] },
  ogg: { mime: "video/ogg", codecs: ["-c:v", "libtheora", "-c:a", "libvorbis"] },
} as const;

const imageRecipes = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" } as const;

export type VideoFormat = keyof typeof videoRecipes;
export type ImageFormat = keyof typeof imageRecipes;
export type BaseFile = { format: VideoFormat | ImageFormat; kind: "video" | "image"; mime: string; path: string; bytes: Buffer };
export type BaseMedia = { dir: string; files: BaseFile[]; byFormat: (format: VideoFormat | ImageFormat) => BaseFile };

/** Runs ffmpeg; bitexact output leaves out creation dates and encoder versions, so equal inputs give equal bytes. */
async function ffmpeg(args: string[]): Promise<void> {
  const output = args.slice(-1);
  await run(ffmpegPaths().ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args.slice(0, -1), "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", ...output]);
}

const testPattern = (seconds: number, size = "64x48") => ["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=10:duration=${seconds}`];
const tone = (seconds: number) => ["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=22050:duration=${seconds}`];

async function makeVideo(dir: string, format: VideoFormat): Promise<BaseFile> {
  const path = join(dir, `base.${format}`);
  await ffmpeg([...testPattern(1), ...tone(1), ...videoRecipes[format].codecs, "-shortest", path]);
  return { format, kind: "video", mime: videoRecipes[format].mime, path, bytes: await readFile(path) };
}

async function makeImage(dir: string, format: ImageFormat): Promise<BaseFile> {
  const path = join(dir, `base.${format}`);
  const pattern = join(dir, "pattern.png");
  await ffmpeg([...testPattern(1), "-frames:v", "1", pattern]);
  const image = sharp(pattern);
  await (format === "jpg" ? image.jpeg() : format === "webp" ? image.webp() : format === "gif" ? image.gif() : image.png()).toFile(path);
  return { format, kind: "image", mime: imageRecipes[format], path, bytes: await readFile(path) };
}

let made: Promise<BaseMedia> | undefined;

/**
 * The real clips and pictures every mutated item derives from: tiny (64×48, one second), made once per
 * process into a temporary folder. Their absolute paths are also what the local-file-read attacks point at.
 */
export function baseMedia(): Promise<BaseMedia> {
  made ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "clipclean-fuzz-"));
    const videos = await Promise.all((Object.keys(videoRecipes) as VideoFormat[]).map((format) => makeVideo(dir, format)));
    const images: BaseFile[] = [];
    for (const format of Object.keys(imageRecipes) as ImageFormat[]) images.push(await makeImage(dir, format));
    const files = [...videos, ...images];
    return { dir, files, byFormat: (format) => files.find((file) => file.format === format)! };
  })();
  return made;
}

/** Deletes the base folder (and everything derived into it) once a run is over. */
export async function removeBaseMedia(): Promise<void> {
  if (!made) return;
  const { dir } = await made;
  made = undefined;
  await rm(dir, { recursive: true, force: true });
}

/** Runs ffmpeg with these arguments and returns the bytes it wrote to `name` in the base folder. */
export async function ffmpegOutput(dir: string, name: string, args: string[]): Promise<Buffer> {
  const path = join(dir, name);
  await ffmpeg([...args, path]);
  return readFile(path);
}

export { testPattern, tone };
