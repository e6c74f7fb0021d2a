import type { BaseMedia } from "../base-media";
import type { CorpusItem, Expectation } from "../corpus-item";
import type { Random } from "../seeded-random";

type Polyglot = { expect: Expectation; build: (base: BaseMedia, random: Random) => Buffer };

const text = (value: string) => Buffer.from(value);
const media = (base: BaseMedia, format: Parameters<BaseMedia["byFormat"]>[0]) => base.byFormat(format).bytes;
const hlsTo = (path: string) => `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n${path}\n#EXT-X-ENDLIST\n`;

/**
 * Files that are two things at once. A picture with something appended may be accepted as that picture
 * (`any`); anything that starts as a playlist must be refused, whatever follows.
 */
const polyglots: Record<string, Polyglot> = {
  "png+mp4": { expect: "any", build: (base) => Buffer.concat([media(base, "png"), media(base, "mp4")]) },
  "mp4+png": { expect: "any", build: (base) => Buffer.concat([media(base, "mp4"), media(base, "png")]) },
  "gif+html": { expect: "any", build: (base) => Buffer.concat([media(base, "gif"), text("<html><script>alert(document.cookie)</script></html>")]) },
  "html+gif": { expect: "refuse", build: (base) => Buffer.concat([text("<!doctype html><html><body>"), media(base, "gif")]) },
  "jpeg+m3u8": { expect: "any", build: (base) => Buffer.concat([media(base, "jpg"), text(hlsTo(base.byFormat("ts").path))]) },
  "png+m3u8": { expect: "any", build: (base) => Buffer.concat([media(base, "png"), text(hlsTo(base.byFormat("mp4").path))]) },
  "m3u8+png": { expect: "refuse", build: (base) => Buffer.concat([text(hlsTo(base.byFormat("ts").path)), media(base, "png")]) },
  "m3u8+ts": { expect: "refuse", build: (base) => Buffer.concat([text(hlsTo("segment-000.ts")), media(base, "ts")]) },
  "ffconcat+mp4": { expect: "refuse", build: (base) => Buffer.concat([text(`ffconcat version 1.0\nfile ${base.byFormat("mp4").path}\n`), media(base, "mp4")]) },
  "webp+mpd": { expect: "any", build: (base) => Buffer.concat([media(base, "webp"), text(`<MPD><BaseURL>file://${base.byFormat("mp4").path}</BaseURL></MPD>`)]) },
  "zip+mp4": { expect: "any", build: (base, random) => Buffer.concat([text("PK\u0003\u0004"), random.bytes(26), media(base, "mp4")]) },
  "pdf+mkv": { expect: "any", build: (base) => Buffer.concat([text("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"), media(base, "mkv")]) },
  "ts+png": { expect: "any", build: (base) => Buffer.concat([media(base, "ts"), media(base, "png")]) },
  "jpeg+jpeg": { expect: "any", build: (base) => Buffer.concat([media(base, "jpg"), media(base, "jpg")]) },
  "webm+svg": { expect: "any", build: (base) => Buffer.concat([media(base, "webm"), text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>')]) },
  "svg+png": { expect: "refuse", build: (base) => Buffer.concat([text('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><image href="file:///etc/passwd"/></svg>'), media(base, "png")]) },
};

const disguises = [["clip.mp4", "video/mp4"], ["photo.png", "image/png"], ["photo.jpg", "image/jpeg"], ["page.html", "text/html"], ["anim.gif", "image/gif"]] as const;

/** Files that are valid in two formats at once (or a valid file with a hostile tail). */
export function polyglotItems(base: BaseMedia, random: Random, count: number): CorpusItem[] {
  const kinds = Object.keys(polyglots);
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length]!;
    const [name, mime] = random.pick(disguises);
    return { id: `polyglot-${kind}-${index}`, family: "polyglot", name, mime, expect: polyglots[kind]!.expect, bytes: polyglots[kind]!.build(base, random) };
  });
}
