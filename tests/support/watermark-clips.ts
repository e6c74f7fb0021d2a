import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ffmpegPaths } from "@/lib/media/ffmpeg-paths";
import type { Rect } from "./frame-luma";

const run = promisify(execFile);

/** Backgrounds that move everywhere, so nothing but an overlay stays put. */
export type Background = "scrolled-testsrc" | "scrolled-noise" | "cellauto" | "life" | "scrolled-mandelbrot" | "panned-still";

/** A mark drawn over the clip: its filter, given the colour and opacity to draw with (the truth is drawn white, opaque). */
export type Mark = {
  name: string;
  filter: (color: string, opacity: number) => string;
  opacity: number;
  color?: string;
  /** Seconds the mark is shown, e.g. `between(t,0,3)`; shown throughout when unset. */
  enable?: string;
};

export type ClipSpec = {
  background: Background;
  marks: Mark[];
  width?: number;
  height?: number;
  seconds?: number;
  fps?: number;
  /** Black bars: the picture is squeezed to this share of the height (letterbox) or width (pillarbox). */
  bars?: { kind: "letterbox" | "pillarbox"; share: number };
  /** A frozen picture (the first frame throughout). */
  still?: boolean;
  keyframeSeconds?: number;
  /** Seeds the random start of the cellauto and life backgrounds, so a clip is the same every run. */
  seed?: number;
};

const CJK_FONTS = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"];
export const LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/** A font that draws Chinese when installed (else Latin, whose glyphs show boxes but still mark the frame). */
export function cjkFont(): string {
  return CJK_FONTS.find((path) => existsSync(path)) ?? LATIN_FONT;
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/:/g, "\\:").replace(/%/g, "\\%");
}

export function textMark(options: { text: string; x: number | string; y: number | string; size: number; opacity: number; color?: string; boxed?: boolean; cjk?: boolean; enable?: string }): Mark {
  const font = options.cjk ? cjkFont() : LATIN_FONT;
  return {
    name: `text ${options.text}${options.boxed ? " boxed" : ""}`,
    opacity: options.opacity,
    color: options.color,
    enable: options.enable,
    filter: (color, opacity) =>
      `drawtext=fontfile=${font}:text='${escapeText(options.text)}':x=${options.x}:y=${options.y}:fontsize=${options.size}:fontcolor=${color}@${opacity}` +
      (options.boxed ? `:box=1:boxcolor=${color === "white" && opacity === 1 ? "white" : "black"}@${opacity}:boxborderw=6` : ""),
  };
}

export function boxMark(options: { x: number; y: number; width: number; height: number; opacity: number; color?: string; outline?: boolean; enable?: string }): Mark {
  const thickness = options.outline ? 4 : "fill";
  return {
    name: `${options.outline ? "outlined" : "filled"} box`,
    opacity: options.opacity,
    color: options.color,
    enable: options.enable,
    filter: (color, opacity) => `drawbox=x=${options.x}:y=${options.y}:w=${options.width}:h=${options.height}:color=${color}@${opacity}:t=${thickness}`,
  };
}

function backgroundSource(background: Background, width: number, height: number, fps: number, seconds: number, seed: number): string {
  const big = `${width * 2}x${height * 2}`;
  // Scrolling diagonally moves every edge of the picture, including the still parts of a test pattern.
  // Speeds with no common period with any sampling interval, so sampled frames never repeat an offset.
  const scroll = `crop=${width}:${height}:x='mod(t*${(width * 0.2137).toFixed(1)},${width})':y='mod(t*${(height * 0.1391).toFixed(1)},${height})'`;
  switch (background) {
    case "scrolled-testsrc":
      return `testsrc2=size=${big}:rate=${fps}:duration=${seconds},${scroll}`;
    case "scrolled-noise":
      return `nullsrc=size=${big}:rate=${fps}:duration=${seconds},format=gray,geq=lum='random(1)*255',loop=-1:1:0,${scroll},format=yuv420p`;
    case "cellauto":
      return `cellauto=size=${big}:rate=${fps}:rule=110:random_fill_ratio=0.5:seed=${seed},trim=duration=${seconds},negate,${scroll}`;
    case "life":
      return `life=size=${big}:rate=${fps}:seed=${seed}:ratio=0.4:mold=8:life_color=#c8c8c8:death_color=#303030:mold_color=#707070,trim=duration=${seconds},${scroll}`;
    case "scrolled-mandelbrot":
      return `mandelbrot=size=${big}:rate=${fps}:maxiter=64,trim=duration=${seconds},${scroll}`;
    case "panned-still":
      // One still picture (smooth areas and fine detail, like a photo) under a panning camera.
      return `mandelbrot=size=${big}:rate=${fps}:maxiter=64,trim=end_frame=1,loop=-1:1:0,trim=duration=${seconds},setpts=N/FRAME_RATE/TB,${scroll}`;
  }
}

function barsFilter(bars: ClipSpec["bars"], width: number, height: number): string {
  if (!bars) return "";
  const even = (value: number) => 2 * Math.round(value / 2);
  if (bars.kind === "letterbox") return `,scale=${width}:${even(height * bars.share)},pad=${width}:${height}:0:(oh-ih)/2:black`;
  return `,scale=${even(width * bars.share)}:${height},pad=${width}:${height}:(ow-iw)/2:0:black`;
}

function markFilters(marks: Mark[], truth: boolean): string {
  return marks
    .map((mark) => {
      const filter = truth ? mark.filter("white", 1) : mark.filter(mark.color ?? "white", mark.opacity);
      return mark.enable && !truth ? `${filter}:enable='${mark.enable}'` : filter;
    })
    .map((filter) => `,${filter}`)
    .join("");
}

async function tempPath(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "clipclean-watermark-")), name);
}

/** An H.264 MP4 of a moving background with the marks drawn over it. */
export async function makeWatermarkedClip(spec: ClipSpec): Promise<string> {
  const { width = 640, height = 360, seconds = 6, fps = 25, keyframeSeconds = 10, seed = 1 } = spec;
  const path = await tempPath("clip.mp4");
  const freeze = spec.still ? ",trim=end_frame=1,loop=-1:1:0,trim=duration=" + seconds + ",setpts=N/FRAME_RATE/TB" : "";
  const graph = backgroundSource(spec.background, width, height, fps, seconds, seed) + freeze + barsFilter(spec.bars, width, height) + markFilters(spec.marks, false) + ",format=yuv420p";
  await run(ffmpegPaths().ffmpeg, [
    "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", graph, "-t", String(seconds),
    "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-g", String(Math.round(fps * keyframeSeconds)), "-pix_fmt", "yuv420p", path,
  ], { maxBuffer: 16 * 1024 * 1024 });
  return path;
}

/** The box of a mark's own pixels: the mark drawn alone, white and opaque, on black. */
export async function markTruth(mark: Mark, size: { width: number; height: number }): Promise<Rect> {
  const graph = `color=black:size=${size.width}x${size.height}:duration=1:rate=1${markFilters([mark], true)},format=gray`;
  const { stdout } = await run(ffmpegPaths().ffmpeg, ["-v", "error", "-f", "lavfi", "-i", graph, "-frames:v", "1", "-f", "rawvideo", "-"], {
    encoding: "buffer",
    maxBuffer: 64 * 1024 * 1024,
  });
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = 0; y < size.height; y += 1) {
    for (let x = 0; x < size.width; x += 1) {
      if ((stdout[y * size.width + x] ?? 0) < 24) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) throw new Error(`mark ${mark.name} draws nothing`);
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

export function intersectionOverUnion(a: Rect, b: Rect): number {
  const overlap = overlapArea(a, b);
  return overlap / (a.width * a.height + b.width * b.height - overlap);
}

export function overlapArea(a: Rect, b: Rect): number {
  const width = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const height = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return width * height;
}
