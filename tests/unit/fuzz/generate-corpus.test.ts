import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { removeBaseMedia } from "../../fuzz/base-media";
import { generateCorpus, sampleCorpus, type CorpusItem } from "../../fuzz/generate-corpus";

const digest = (corpus: CorpusItem[]) => {
  const hash = createHash("sha256");
  for (const item of corpus) hash.update(`${item.id}\0${item.name}\0${item.mime}\0${item.expect}\0`).update(item.bytes);
  return hash.digest("hex");
};

afterAll(removeBaseMedia);

describe("the fuzz corpus", () => {
  it("is the same, byte for byte, for the same seed within a run, and differs for another", async () => {
    const first = await generateCorpus({ seed: 7 });
    expect(digest(await generateCorpus({ seed: 7 }))).toBe(digest(first));
    expect(digest(await generateCorpus({ seed: 8 }))).not.toBe(digest(first));
  }, 180_000);

  it("holds over 1,000 small items of every family, with the attacks issue 8 names", async () => {
    const corpus = await generateCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(corpus.map((item) => item.id)).size).toBe(corpus.length);
    expect(new Set(corpus.map((item) => item.family))).toEqual(new Set(["playlist", "polyglot", "mutation", "lying-header", "trivial", "name"]));
    const known = Object.fromEntries(corpus.filter((item) => item.knownAttack).map((item) => [item.knownAttack, item]));
    expect(known["live-hls-missing-segment"]!.bytes.length).toBe(84);
    expect(known["live-hls-missing-segment"]!.bytes.toString()).not.toContain("#EXT-X-ENDLIST");
    expect(known["hls-local-file"]!.bytes.toString()).toMatch(/^#EXTM3U\n[\s\S]*\n\/.+\.ts\n/);
    const png = known["png-16383-square"]!.bytes;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([16383, 16383]);
    expect(png.length).toBeLessThan(800 * 1024);
    expect(known["mkv-million-seconds"]!.bytes.length).toBeLessThan(1500);
    expect(known["video-8192-square"]).toBeDefined();
    expect(corpus.filter((item) => !item.knownAttack && item.bytes.length > 300 * 1024).map((item) => item.id)).toEqual([]);
  }, 180_000);

  it("samples every family and every known attack", async () => {
    const sample = sampleCorpus(await generateCorpus());
    expect(sample.length).toBeGreaterThanOrEqual(60);
    expect(sample.length).toBeLessThanOrEqual(100);
    expect(sample.filter((item) => item.knownAttack)).toHaveLength(6);
    expect(new Set(sample.map((item) => item.family)).size).toBe(6);
  }, 180_000);
});
