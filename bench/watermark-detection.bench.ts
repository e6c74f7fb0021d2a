/**
 * Watermark detection accuracy on a generated corpus (marks of every kind over moving backgrounds, plus
 * clean, letterboxed, pillarboxed and still clips), the analysis time of a 1-minute 1080p clip, and how
 * much of a mark's edge energy is left after each removal method.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEnvironment } from "./support/bench-environment";
import { markEdgeEnergy } from "./support/mark-edge-energy";
import { markFound } from "./support/mark-found";
import { round, timeMs } from "./support/measure";
import { watermarkCorpus, type CorpusClip } from "./support/watermark-corpus";

type Rect = { x: number; y: number; width: number; height: number };

export default async function benchWatermarkDetection() {
  await benchEnvironment();
  const clips = await import("../tests/support/watermark-clips");
  const { probeMedia } = await import("../lib/media/probe-media");
  const { detectWatermarks } = await import("../lib/media/watermarks/detect-watermarks");
  const { withoutMask } = await import("../lib/files/file-watermarks");
  const workDir = await mkdtemp(join(tmpdir(), "clipclean-bench-watermarks-"));
  const analyse = async (path: string) => {
    const info = await probeMedia(path);
    if (info.kind !== "video") throw new Error("the generated clip should probe as a video");
    return { info, regions: await detectWatermarks({ inputPath: path, info, workDir, signal: new AbortController().signal }) };
  };
  const limit = Number(process.env.WATERMARK_BENCH_LIMIT ?? Infinity);
  const corpus = watermarkCorpus();
  const misses: string[] = [];
  let hits = 0;
  let marked = 0;
  for (const clip of corpus.marked.slice(0, limit)) {
    marked += 1;
    const path = await clips.makeWatermarkedClip(clip.spec);
    const truth = await clips.markTruth(clip.spec.marks[0]!, { width: 640, height: 360 });
    const { regions } = await analyse(path);
    if (regions.some((region) => markFound(truth, region))) hits += 1;
    else misses.push(`${clip.name}: truth ${JSON.stringify(truth)} got ${JSON.stringify(regions.map(withoutMask))}`);
  }
  const falseAlarms: string[] = [];
  const cleanClips: CorpusClip[] = corpus.clean.slice(0, limit);
  for (const clip of cleanClips) {
    const { regions } = await analyse(await clips.makeWatermarkedClip(clip.spec));
    if (regions.length > 0) falseAlarms.push(`${clip.name}: ${JSON.stringify(regions.map(withoutMask))}`);
  }
  // A keyframe every 2 s (as phones and streaming encoders write) is read keyframes-only; one every 10 s needs a full decode.
  const timeLongClip = async (keyframeSeconds: number) => {
    const long = await clips.makeWatermarkedClip({
      background: "scrolled-testsrc", width: 1920, height: 1080, seconds: 60, fps: 25, keyframeSeconds,
      marks: [clips.textMark({ text: "@long_clip", x: "w-tw-40", y: 40, size: 64, opacity: 0.6 })],
    });
    let regions: Rect[] = [];
    const ms = await timeMs(async () => {
      regions = (await analyse(long)).regions.map(withoutMask);
    });
    return { ms, regions };
  };
  const { ms: analysisMs, regions: longRegions } = await timeLongClip(2);
  const sparse = await timeLongClip(10);
  const removal = await measureRemoval(workDir);
  return {
    corpus: `${marked} marked + ${cleanClips.length} clean clips, 640×360, 6 s`,
    marksFound: `${hits}/${marked} (${round((100 * hits) / Math.max(1, marked), 1)} %)`,
    cleanClipsWithAnyRegion: `${falseAlarms.length}/${cleanClips.length}`,
    analysisMs1080p60s: round(analysisMs),
    regionsIn1080pClip: longRegions,
    analysisMs1080p60sKeyframeEvery10s: round(sparse.ms),
    regionsIn1080pClipKeyframeEvery10s: sparse.regions,
    markEdgeEnergyInsideTheBox: removal,
    misses,
    falseAlarms,
  };
}

/** Edge energy of the mark's box in the clip's average frame: marked, after each method (detected regions), and the clean clip. */
async function measureRemoval(workDir: string) {
  const clips = await import("../tests/support/watermark-clips");
  const { probeMedia } = await import("../lib/media/probe-media");
  const { ffmpegPaths } = await import("../lib/media/ffmpeg-paths");
  const { detectWatermarks } = await import("../lib/media/watermarks/detect-watermarks");
  const { removeWatermark } = await import("../lib/media/remove-watermark");
  const mark = clips.textMark({ text: "@remove_me", x: "w-tw-24", y: 20, size: 30, opacity: 0.7 });
  const size = { width: 640, height: 360 };
  const marked = await clips.makeWatermarkedClip({ background: "scrolled-testsrc", marks: [mark] });
  const clean = await clips.makeWatermarkedClip({ background: "scrolled-testsrc", marks: [] });
  const truth = await clips.markTruth(mark, size);
  const info = await probeMedia(marked);
  if (info.kind !== "video") throw new Error("the generated clip should probe as a video");
  const signal = new AbortController().signal;
  const regions = await detectWatermarks({ inputPath: marked, info, workDir, signal });
  const energy = (path: string) => markEdgeEnergy(ffmpegPaths().ffmpeg, path, size, truth).then((value) => round(value, 2));
  const figures: Record<string, number> = { marked: await energy(marked), clean: await energy(clean) };
  for (const method of ["delogo", "blur", "mask"] as const) {
    const outputPath = join(workDir, `removed-${method}.mp4`);
    await removeWatermark({ inputPath: marked, outputPath, info, regions, method, workDir, signal });
    figures[method] = await energy(outputPath);
  }
  return figures;
}
