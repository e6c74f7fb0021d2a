import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";

const run = promisify(execFile);

async function tempPath(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "clipclean-hostile-")), name);
}

/** A live HLS playlist (no end tag) whose only segment does not exist: ffprobe waits for it forever. */
export async function writeLivePlaylist(name = "clip.mp4"): Promise<string> {
  const path = await tempPath(name);
  await writeFile(path, "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nmissing-0.ts\n");
  return path;
}

/** Playlists that name a real file on the server by its absolute path (a local file read if followed). */
export async function writeLocalFileReferences(target: string): Promise<string[]> {
  const hls = await tempPath("local.mp4");
  await writeFile(hls, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n${target}\n#EXT-X-ENDLIST\n`);
  const ffconcat = await tempPath("local.mkv");
  await writeFile(ffconcat, `ffconcat version 1.0\nfile ${target}\n`);
  return [hls, ffconcat];
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid 1-bit grayscale PNG of side×side black pixels: a few dozen KB that decode to hundreds of MB. */
export async function writeHugePng(side: number): Promise<string> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth; colour type 0 (gray), deflate, no filter, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
  const path = await tempPath(`huge-${side}.png`);
  await writeFile(path, png);
  return path;
}

async function ffmpeg(args: string[]): Promise<void> {
  await run(ffmpegPaths().ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args]);
}

/** A one-second 64×64 Matroska clip whose header claims `claimedSeconds` (its Duration element rewritten). */
export async function makeLyingMkv(claimedSeconds: number): Promise<string> {
  const path = await tempPath(`claims-${claimedSeconds}s.mkv`);
  await ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x64:rate=25:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path]);
  const bytes = await readFile(path);
  // EBML Duration (0x4489), 8-byte float, in milliseconds at the default timecode scale.
  const at = bytes.indexOf(Buffer.from([0x44, 0x89, 0x88]));
  if (at < 0) throw new Error("no Duration element in the generated clip");
  bytes.writeDoubleBE(claimedSeconds * 1000, at + 3);
  await writeFile(path, bytes);
  return path;
}

/** Matroska with 25 frames in its first second and one more at `lastSecond`: long by its timestamps, tiny in content. */
export async function makeSparseMkv(lastSecond: number): Promise<string> {
  const path = await tempPath(`sparse-${lastSecond}s.mkv`);
  await ffmpeg([
    "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1.04",
    "-vf", `setpts='if(lt(N,25),N/(25*TB),${lastSecond}/TB)'`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path,
  ]);
  return path;
}

/** One black side×side frame at a tiny bitrate (a small file that declares an enormous frame). */
export async function makeHugeVideo(side: number): Promise<string> {
  const path = await tempPath(`huge-${side}.mp4`);
  await ffmpeg(["-f", "lavfi", "-i", `color=c=black:size=${side}x${side}:rate=1:duration=1`, "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path]);
  return path;
}
