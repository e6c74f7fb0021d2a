/**
 * Watermark detection and removal on real footage (clips shipped in Debian packages) with real-looking
 * marks laid over them: per clip, which marks detection finds and what it reports on the clean clip;
 * per mark and method, luma PSNR/SSIM inside the true box against the clean clip (beside ffmpeg's own
 * delogo with the same box, and beside no removal), PSNR of the rest of the frame; and the time a
 * 1-minute 1080p clip takes with each method against bare delogo (wall and CPU time). Tables go to bench/results/watermark-real.txt.
 * WATERMARK_REAL_ONLY=<parts of names, comma-separated> runs those clips; WATERMARK_REAL_METHODS=<names,
 * comma-separated> runs those removal methods; WATERMARK_REAL_DETECTION=0 skips detection; WATERMARK_REAL_REMOVAL=0 skips removal
 * and the timing (detection alone over every clip); WATERMARK_REAL_TIMING=0 skips the 1080p timing. Detection also
 * runs on held-out clips the rules were never tuned on (a table of its own; WATERMARK_REAL_HELD_OUT=0 skips them).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isConfidentWatermark } from "../lib/files/file-view";
import { benchEnvironment } from "./support/bench-environment";
import { markFound } from "./support/mark-found";
import { mean, round } from "./support/measure";
import { realClipRemoval, removalMethods } from "./support/real-removal";
import { prepareRealClip } from "./support/real-clip-files";
import { detectionTally } from "./support/real-detection";
import { heldOutClips, realClips, realFootageRoot, type RealClip } from "./support/real-footage";
import { textTable } from "./support/text-table";
import { timeRealRemoval } from "./support/real-timing";

export default async function benchWatermarkReal() {
  await benchEnvironment();
  const { ffmpegPaths } = await import("../lib/media/ffmpeg-paths");
  const { probeMedia } = await import("../lib/media/probe-media");
  const { detectWatermarks } = await import("../lib/media/watermarks/detect-watermarks");
  const ffmpeg = ffmpegPaths().ffmpeg;
  const only = process.env.WATERMARK_REAL_ONLY?.split(",");
  const chosen = (clip: RealClip) => !only || only.some((part) => clip.name.includes(part) || clip.path.includes(part));
  const clips = realClips(await realFootageRoot()).filter(chosen);
  const detecting = process.env.WATERMARK_REAL_DETECTION !== "0";
  const removing = process.env.WATERMARK_REAL_REMOVAL !== "0";
  const methods = await removalMethods();
  const workRoot = await mkdtemp(join(tmpdir(), "clipclean-bench-real-"));
  const probe = async (path: string) => {
    const info = await probeMedia(path);
    if (info.kind !== "video") throw new Error(`${path} should probe as a video`);
    return info;
  };
  const detect = async (path: string, workDir: string) =>
    detectWatermarks({ inputPath: path, info: await probe(path), workDir, signal: new AbortController().signal });
  const detection = detectionTally();
  const removal: (string | number)[][] = [["clip / mark", ...methods.map((method) => method.name)]];
  const perMethod = new Map<string, { psnr: number[]; ssim: number[]; rest: number[] }>(methods.map((method) => [method.name, { psnr: [], ssim: [], rest: [] }]));
  // What a visitor gets from "auto": the confident regions removed, measured inside the true box of each mark they found.
  const autoMethods = methods.filter((method) => method.run && ["ffmpeg delogo", "restore"].includes(method.name));
  const auto: (string | number)[][] = [["clip / mark found", ...autoMethods.map((method) => method.name)]];
  const perAutoMethod = new Map<string, number[]>(autoMethods.map((method) => [method.name, []]));
  for (const clip of clips) {
    const workDir = join(workRoot, clip.name);
    await mkdir(workDir, { recursive: true });
    const source = await probe(clip.path);
    const prepared = await prepareRealClip(ffmpeg, clip, source.video, workDir);
    const [marked, clean] = detecting ? [await detect(prepared.marked, workDir), await detect(prepared.clean, workDir)] : [[], []];
    if (detecting) detection.add(clip.name, prepared.truths, marked, clean);
    if (!removing) continue;
    const info = await probe(prepared.marked);
    const figures = await realClipRemoval({ ffmpeg, prepared, info, methods, boxes: prepared.truths, measured: prepared.truths, workDir });
    clip.marks.forEach((mark, index) => {
      removal.push([`${clip.name}: ${mark.name}`, ...methods.map((method) => {
        const { boxes, restPsnr } = figures.get(method.name)!;
        const stats = perMethod.get(method.name)!;
        stats.psnr.push(boxes[index]!.psnr);
        stats.ssim.push(boxes[index]!.ssim);
        if (index === 0) stats.rest.push(restPsnr);
        return `${round(boxes[index]!.psnr, 1)} dB ${round(boxes[index]!.ssim, 3)} | ${round(restPsnr, 1)}`;
      })]);
    });
    const regions = marked.filter(isConfidentWatermark);
    const foundMarks = clip.marks.flatMap((mark, index) => (regions.some((region) => markFound(prepared.truths[index]!, region)) ? [{ mark, truth: prepared.truths[index]! }] : []));
    if (foundMarks.length === 0 || autoMethods.length === 0) continue;
    const autoDir = join(workDir, "auto");
    await mkdir(autoDir, { recursive: true });
    const boxes = regions.map(({ x, y, width, height }) => ({ x, y, width, height }));
    const autoFigures = await realClipRemoval({ ffmpeg, prepared, info, methods: autoMethods, boxes, measured: foundMarks.map(({ truth }) => truth), workDir: autoDir });
    foundMarks.forEach(({ mark }, index) => {
      auto.push([`${clip.name}: ${mark.name}`, ...autoMethods.map((method) => {
        const { psnr, ssim } = autoFigures.get(method.name)!.boxes[index]!;
        perAutoMethod.get(method.name)!.push(psnr);
        return `${round(psnr, 1)} dB ${round(ssim, 3)}`;
      })]);
    });
  }
  const means = Object.fromEntries(
    [...perMethod].map(([name, stats]) => [name, { psnrInBox: round(mean(stats.psnr), 2), ssimInBox: round(mean(stats.ssim), 3), psnrRest: round(mean(stats.rest), 2) }]),
  );
  removal.push(["mean", ...methods.map((method) => `${means[method.name]!.psnrInBox} dB ${means[method.name]!.ssimInBox} | ${means[method.name]!.psnrRest}`)]);
  const autoMeans = Object.fromEntries([...perAutoMethod].map(([name, psnr]) => [name, round(mean(psnr), 2)]));
  auto.push(["mean", ...autoMethods.map((method) => `${autoMeans[method.name]} dB`)]);
  // Clips the rules were never tuned on: detection alone, its own table.
  const heldOut = detectionTally();
  const heldOutClipList = detecting && process.env.WATERMARK_REAL_HELD_OUT !== "0" ? heldOutClips(await realFootageRoot()).filter(chosen) : [];
  for (const clip of heldOutClipList) {
    const workDir = join(workRoot, "held-out", clip.name);
    await mkdir(workDir, { recursive: true });
    const prepared = await prepareRealClip(ffmpeg, clip, (await probe(clip.path)).video, workDir);
    heldOut.add(clip.name, prepared.truths, await detect(prepared.marked, workDir), await detect(prepared.clean, workDir));
  }
  const timing = !removing || process.env.WATERMARK_REAL_TIMING === "0" ? null : await timeRealRemoval({ ffmpeg, root: await realFootageRoot(), methods, workDir: workRoot });
  const report = [
    ...(detecting
      ? ["Detection (marks found: a region with IoU ≥ 0.5, or covering ≥ 90 % of the mark at ≤ 3× its area)", textTable(detection.table())]
      : ["Detection skipped"]),
    ...(heldOutClipList.length > 0 ? ["", "Detection on held-out clips (never used to tune detection; the same marks, the same measure)", textTable(heldOut.table())] : []),
    "",
    "Removal with the true box: luma PSNR and SSIM inside the box against the clean clip | PSNR of the rest of the frame",
    removing ? textTable(removal) : "Removal skipped",
    "",
    ...(detecting && removing && autoMethods.length > 0
      ? ["Removal with the regions detection gives (\"auto\": confidence ≥ 0.8): luma PSNR and SSIM inside the true box of each mark they found", textTable(auto), ""]
      : []),
    timing
      ? `1-minute 1080p clip, wall ms (ratio to bare delogo) / CPU s (ratio): ${Object.entries(timing).map(([name, figure]) => `${name} ${figure.ms} (${figure.ratio}) / ${figure.cpuSeconds} (${figure.cpuRatio})`).join(", ")}`
      : "timing skipped",
  ].join("\n");
  await rm(workRoot, { recursive: true, force: true });
  await mkdir(join(import.meta.dirname, "results"), { recursive: true });
  await writeFile(join(import.meta.dirname, "results", "watermark-real.txt"), `${report}\n`);
  console.log(report);
  return {
    clips: clips.length,
    ...detection.summary(),
    heldOut: heldOutClipList.length > 0 ? heldOut.summary() : null,
    removalMeans: means,
    autoRemovalMeans: detecting && removing ? autoMeans : null,
    timing1080p60s: timing,
  };
}
