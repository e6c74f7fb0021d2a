import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { cjkFont, escapeText, LATIN_FONT } from "../../tests/support/watermark-clips";

type Frame = { width: number; height: number };
export type Place = "top-left" | "top-right" | "bottom-left" | "bottom-right" | "bottom-centre";

/** A mark laid over real footage: a filter-graph fragment from one labelled stream to another. */
export type RealMark = {
  name: string;
  opacity: number;
  graph: (from: string, to: string, frame: Frame, opacity: number) => string;
};

const margin = (frame: Frame) => Math.max(6, Math.round(frame.width * 0.03));

/** Expressions placing a w×h thing (as ffmpeg names them in the filter) at `place`. */
function position(place: Place, frame: Frame, w: string, h: string): { x: string; y: string } {
  const m = margin(frame);
  const x = place.endsWith("left") ? `${m}` : place.endsWith("right") ? `W-${w}-${m}` : `(W-${w})/2`;
  const y = place.startsWith("top") ? `${m}` : `H-${h}-${m}`;
  return { x, y };
}

/** Chromium's icon (alpha) at one of its installed sizes. */
export function iconMark(options: { size: 16 | 24 | 32 | 48 | 64 | 128 | 256; place: Place; opacity: number }): RealMark {
  const file = `/usr/share/icons/hicolor/${options.size}x${options.size}/apps/chromium.png`;
  if (!existsSync(file)) throw new Error(`${file} is missing: install chromium`);
  return {
    name: `icon ${options.size}px ${options.place} ${Math.round(options.opacity * 100)}%`,
    opacity: options.opacity,
    graph: (from, to, frame, opacity) => {
      const { x, y } = position(options.place, frame, "w", "h");
      const label = `${to}_logo`;
      // Blended in the base's own yuv420: overlay's format=auto takes the whole frame through RGB and back,
      // which moves every pixel away from the clean clip (41–52 dB outside the mark on these clips).
      return `movie=${file},format=rgba,colorchannelmixer=aa=${opacity}[${label}];[${from}][${label}]overlay=x=${x}:y=${y}:format=yuv420[${to}]`;
    },
  };
}

/** A semi-transparent handle with a faint dark outline, as short-video apps print them. */
export function textMark(options: { text: string; size: number; place: Place; opacity: number; cjk?: boolean }): RealMark {
  const font = options.cjk ? cjkFont() : LATIN_FONT;
  return {
    name: `text "${options.text}" ${options.size}px ${options.place} ${Math.round(options.opacity * 100)}%`,
    opacity: options.opacity,
    graph: (from, to, frame, opacity) => {
      const { x, y } = position(options.place, frame, "tw", "th");
      const text = `drawtext=fontfile=${font}:text='${escapeText(options.text)}':fontsize=${options.size}:fontcolor=white@${opacity}`;
      return `[${from}]${text}:borderw=2:bordercolor=black@${(opacity * 0.6).toFixed(2)}:x=${x.replace(/W/g, "w")}:y=${y.replace(/H/g, "h")}[${to}]`;
    },
  };
}

/** A boxed channel bug: a filled box with the channel's name in it. */
export function bugMark(options: { text: string; size: number; place: Place; opacity: number }): RealMark {
  const boxWidth = Math.round(options.size * (0.75 * options.text.length + 1.2));
  const boxHeight = Math.round(options.size * 1.7);
  return {
    name: `bug "${options.text}" ${options.place} ${Math.round(options.opacity * 100)}%`,
    opacity: options.opacity,
    graph: (from, to, frame, opacity) => {
      const m = margin(frame);
      const x = options.place.endsWith("left") ? m : options.place.endsWith("right") ? frame.width - boxWidth - m : Math.round((frame.width - boxWidth) / 2);
      const y = options.place.startsWith("top") ? m : frame.height - boxHeight - m;
      const box = `drawbox=x=${x}:y=${y}:w=${boxWidth}:h=${boxHeight}:color=0x1f4fa0@${opacity}:t=fill`;
      const text = `drawtext=fontfile=${LATIN_FONT}:text='${escapeText(options.text)}':fontsize=${options.size}:fontcolor=white@${opacity}`;
      return `[${from}]${box},${text}:x=${x}+(${boxWidth}-tw)/2:y=${y}+(${boxHeight}-th)/2[${to}]`;
    },
  };
}

/** The graph laying every mark over `[base]`, ending in `[out]`. */
export function marksGraph(marks: RealMark[], frame: Frame, truth = false): string {
  if (marks.length === 0) return "[base]null[out]";
  return marks.map((mark, index) => mark.graph(index === 0 ? "base" : `m${index}`, index === marks.length - 1 ? "out" : `m${index + 1}`, frame, truth ? 1 : mark.opacity)).join(";");
}

type Rect = { x: number; y: number; width: number; height: number };

/** The true box of a mark: drawn opaque on black and on white, the pixels that differ from the canvas. */
export async function realMarkTruth(ffmpeg: string, mark: RealMark, frame: Frame): Promise<Rect> {
  const drawn = async (canvas: "black" | "white") => {
    const graph = `color=${canvas}:size=${frame.width}x${frame.height}:duration=1:rate=1,format=rgb24[base];${marksGraph([mark], frame, true)};[out]format=gray`;
    const { stdout } = await promisify(execFile)(ffmpeg, ["-v", "error", "-filter_complex", graph, "-frames:v", "1", "-f", "rawvideo", "-"], {
      encoding: "buffer",
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  };
  const [onBlack, onWhite] = await Promise.all([drawn("black"), drawn("white")]);
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = 0; y < frame.height; y += 1) {
    for (let x = 0; x < frame.width; x += 1) {
      const index = y * frame.width + x;
      if ((onBlack[index] ?? 0) < 24 && (onWhite[index] ?? 255) > 231) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) throw new Error(`mark ${mark.name} draws nothing`);
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
