import { ffmpegOutput, testPattern, tone, type BaseMedia } from "../base-media";
import { f64be, patchAfter, u16be, u16le, u32be, withPngSize } from "../binary";
import type { CorpusItem, Expectation } from "../corpus-item";
import type { Random } from "../seeded-random";

type Lie = { format: string; expect: Expectation; build: (base: BaseMedia, random: Random) => Buffer };

const hugeSides = [65_535, 40_000, 16_384, 100_000];
const byte = (...values: number[]) => Buffer.from(values);
const bytesOf = (base: BaseMedia, format: Parameters<BaseMedia["byFormat"]>[0]) => base.byFormat(format).bytes;

/**
 * Headers that declare far more than the file holds: enormous pictures, endless videos, absurd sizes.
 * Declared pixel counts and durations past the limits must be refused (422 or 415) from the headers alone.
 */
const lies: Record<string, Lie> = {
  "png-dimensions": { format: "png", expect: "limits", build: (base, random) => withPngSize(bytesOf(base, "png"), random.pick(hugeSides), random.pick(hugeSides)) },
  "png-one-long-row": { format: "png", expect: "limits", build: (base) => withPngSize(bytesOf(base, "png"), 2_000_000_000, 1) },
  "jpeg-dimensions": {
    format: "jpg", expect: "limits",
    build: (base, random) => patchAfter(bytesOf(base, "jpg"), byte(0xff, 0xc0), 5, Buffer.concat([u16be(random.pick([65_500, 30_000])), u16be(65_500)])),
  },
  "gif-dimensions": {
    format: "gif", expect: "limits",
    build: (base, random) => {
      const side = u16le(random.pick([65_535, 30_000]));
      const gif = Buffer.from(bytesOf(base, "gif"));
      Buffer.concat([side, u16le(65_535)]).copy(gif, 6);
      return patchAfter(gif, byte(0x2c, 0x00, 0x00, 0x00, 0x00), 5, Buffer.concat([side, u16le(65_535)]));
    },
  },
  "webp-dimensions": {
    format: "webp", expect: "limits",
    build: (base) => patchAfter(bytesOf(base, "webp"), byte(0x9d, 0x01, 0x2a), 3, Buffer.concat([u16le(16_383), u16le(16_383)])),
  },
  "mkv-duration": {
    format: "mkv", expect: "limits",
    build: (base, random) => patchAfter(bytesOf(base, "mkv"), byte(0x44, 0x89, 0x88), 3, f64be(random.pick([1e9, 1e12, 3.6e10]))),
  },
  "mkv-duration-nonsense": {
    format: "mkv", expect: "any",
    build: (base, random) => patchAfter(bytesOf(base, "mkv"), byte(0x44, 0x89, 0x88), 3, f64be(random.pick([Infinity, NaN, -1, 0, 1e300]))),
  },
  "mkv-unknown-sizes": { format: "mkv", expect: "any", build: (base) => patchAfter(bytesOf(base, "mkv"), byte(0x18, 0x53, 0x80, 0x67), 4, byte(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)) },
  "mp4-duration": { format: "mp4", expect: "limits", build: (base) => patchAfter(bytesOf(base, "mp4"), Buffer.from("mvhd"), 20, u32be(0xfffffff0)) },
  "mp4-media-duration": { format: "mp4", expect: "any", build: (base) => patchAfter(bytesOf(base, "mp4"), Buffer.from("mdhd"), 20, u32be(0xfffffff0)) },
  "mp4-box-sizes": {
    format: "mp4", expect: "any",
    build: (base, random) => patchAfter(bytesOf(base, "mp4"), Buffer.from(random.pick(["moov", "trak", "mdat", "stsz", "stco"])), -4, u32be(random.pick([0xffffffff, 1, 0, 8]))),
  },
  "mp4-track-dimensions": { format: "mp4", expect: "any", build: (base) => patchAfter(bytesOf(base, "mp4"), Buffer.from("tkhd"), 80, Buffer.concat([u32be(0x7fff0000), u32be(0x7fff0000)])) },
  "avi-frame-count-and-size": {
    format: "avi", expect: "any",
    build: (base) => patchAfter(bytesOf(base, "avi"), Buffer.from("avih"), 24, Buffer.concat([u32be(0xffffffff), u32be(0), u32be(200), u32be(0), u32be(0x7fffffff), u32be(0x7fffffff)])),
  },
  "flv-metadata-duration": { format: "flv", expect: "limits", build: (base) => patchAfter(bytesOf(base, "flv"), Buffer.from("duration\u0000"), 9, f64be(1e9)) },
};

/** One more base: a video with 64 audio streams (for "many streams"). */
async function manyStreams(base: BaseMedia): Promise<Buffer> {
  const maps = Array.from({ length: 64 }, () => ["-map", "1:a"]).flat();
  return ffmpegOutput(base.dir, "many-streams.mkv", [...testPattern(0.5), ...tone(0.5), "-map", "0:v", ...maps, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libvorbis"]);
}

export async function lyingHeaderItems(base: BaseMedia, random: Random, count: number): Promise<CorpusItem[]> {
  const kinds = Object.keys(lies);
  const items: CorpusItem[] = Array.from({ length: count - 1 }, (_, index) => {
    const kind = kinds[index % kinds.length]!;
    const lie = lies[kind]!;
    const file = base.byFormat(lie.format as Parameters<BaseMedia["byFormat"]>[0]);
    return { id: `lying-header-${kind}-${index}`, family: "lying-header", name: `media.${lie.format}`, mime: file.mime, expect: lie.expect, bytes: lie.build(base, random) };
  });
  items.push({ id: "lying-header-many-streams", family: "lying-header", name: "streams.mkv", mime: "video/x-matroska", expect: "any", bytes: await manyStreams(base) });
  return items;
}
