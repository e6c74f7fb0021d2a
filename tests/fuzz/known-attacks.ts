import { createDeflate } from "node:zlib";
import { ffmpegOutput, type BaseMedia } from "./base-media";
import { f64be, PNG_SIGNATURE, patchAfter, pngChunk, pngHeader } from "./binary";
import type { CorpusItem } from "./corpus-item";

/** A 16383×16383 RGB PNG of one colour: about 760 KB on disk, about 0.8 GB once decoded. */
async function hugeFlatPng(): Promise<Buffer> {
  const side = 16383;
  const row = Buffer.alloc(1 + side * 3);
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  for (let y = 0; y < side; y += 1) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat([PNG_SIGNATURE, pngHeader(side, side), pngChunk("IDAT", Buffer.concat(chunks)), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A one-frame 16×16 Matroska whose Segment Info claims a duration of 1,000,000 seconds. */
async function mkvClaimingMillionSeconds(base: BaseMedia): Promise<Buffer> {
  const mkv = await ffmpegOutput(base.dir, "tiny.mkv", ["-f", "lavfi", "-i", "color=c=gray:s=16x16:r=1:d=1", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast"]);
  // Duration (ID 0x4489, an 8-byte float) counts TimecodeScale units: 1 ms by default.
  return patchAfter(mkv, Buffer.from([0x44, 0x89, 0x88]), 3, f64be(1_000_000_000));
}

/** A real one-frame 8192×8192 H.264 video (over the 7680×4320 pixel limit). */
function video8192(base: BaseMedia): Promise<Buffer> {
  return ffmpegOutput(base.dir, "big-frame.mp4", ["-f", "lavfi", "-i", "color=c=blue:s=8192x8192:r=1:d=1", "-frames:v", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
}

const made = new Map<string, Promise<CorpusItem[]>>();

/**
 * The attacks issue 8 names; each must be refused (playlists with 415, oversized media with 422 or 415).
 * They do not depend on the seed, so they are made once per base folder.
 */
export function knownAttacks(base: BaseMedia): Promise<CorpusItem[]> {
  if (!made.has(base.dir)) made.set(base.dir, makeKnownAttacks(base));
  return made.get(base.dir)!;
}

async function makeKnownAttacks(base: BaseMedia): Promise<CorpusItem[]> {
  const ts = base.byFormat("ts").path;
  const mp4 = base.byFormat("mp4").path;
  const item = (id: string, fields: Omit<CorpusItem, "id" | "knownAttack">): CorpusItem => ({ id: `known-${id}`, knownAttack: id, ...fields });
  return [
    item("live-hls-missing-segment", {
      family: "playlist", name: "clip.mp4", mime: "video/mp4", expect: "refuse",
      bytes: Buffer.from("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.0,\nsegment-000.ts\n"),
    }),
    item("hls-local-file", {
      family: "playlist", name: "holiday.mp4", mime: "video/mp4", expect: "refuse",
      bytes: Buffer.from(`#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n${ts}\n#EXT-X-ENDLIST\n`),
    }),
    item("ffconcat-local-file", {
      family: "playlist", name: "holiday.mp4", mime: "video/mp4", expect: "refuse",
      bytes: Buffer.from(`ffconcat version 1.0\nfile ${mp4}\n`),
    }),
    item("png-16383-square", { family: "lying-header", name: "flat.png", mime: "image/png", expect: "limits", bytes: await hugeFlatPng() }),
    item("mkv-million-seconds", { family: "lying-header", name: "short.mkv", mime: "video/x-matroska", expect: "limits", bytes: await mkvClaimingMillionSeconds(base) }),
    item("video-8192-square", { family: "lying-header", name: "big.mp4", mime: "video/mp4", expect: "limits", bytes: await video8192(base) }),
  ];
}
