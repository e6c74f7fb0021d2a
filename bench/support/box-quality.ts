import { execFile } from "node:child_process";
import { promisify } from "node:util";

type Rect = { x: number; y: number; width: number; height: number };

/** Luma PSNR and SSIM of each box against the reference, and PSNR of the rest of the frame (outside every box). */
export type BoxQuality = { boxes: { psnr: number; ssim: number }[]; restPsnr: number };

const mseOf = (psnr: number) => (Number.isFinite(psnr) ? 255 ** 2 / 10 ** (psnr / 10) : 0);
const psnrOf = (mse: number) => (mse <= 0 ? 100 : 10 * Math.log10(255 ** 2 / mse));

function logged(stderr: string, name: string, key: string): number {
  const line = stderr.split("\n").find((text) => text.includes(`[${name} @`)) ?? "";
  const value = new RegExp(`${key}:(inf|-?[\\d.]+)`).exec(line)?.[1];
  if (value === undefined) throw new Error(`no ${key} from ${name}: ${stderr.slice(-500)}`);
  return value === "inf" ? Infinity : Number(value);
}

/**
 * One decode of both videos (frame by frame, in order): ffmpeg's psnr and ssim filters on the Y plane of
 * each box's crop, and psnr of the whole frame with every box blacked out in both, from which the
 * rest's own mean squared error follows (ffmpeg's average PSNR is that of the mean squared error).
 */
export async function boxQuality(ffmpeg: string, path: string, reference: string, frame: { width: number; height: number }, boxes: Rect[]): Promise<BoxQuality> {
  const n = boxes.length;
  const split = (input: number, side: string) => `[${input}:v]format=gray,split=${2 * n + 1}${Array.from({ length: 2 * n + 1 }, (_, i) => `[${side}${i}]`).join("")}`;
  const crop = ({ x, y, width, height }: Rect) => `crop=${width}:${height}:${x}:${y}`;
  const blackout = boxes.map(({ x, y, width, height }) => `drawbox=x=${x}:y=${y}:w=${width}:h=${height}:color=black:t=fill`).join(",");
  const parts = [split(0, "a"), split(1, "b")];
  boxes.forEach((box, i) => {
    parts.push(`[a${2 * i}]${crop(box)}[ap${i}];[b${2 * i}]${crop(box)}[bp${i}];[ap${i}][bp${i}]psnr@box${i}[p${i}];[p${i}]nullsink`);
    parts.push(`[a${2 * i + 1}]${crop(box)}[as${i}];[b${2 * i + 1}]${crop(box)}[bs${i}];[as${i}][bs${i}]ssim@box${i}[s${i}];[s${i}]nullsink`);
  });
  parts.push(`[a${2 * n}]${blackout}[ar];[b${2 * n}]${blackout}[br];[ar][br]psnr@rest[out]`);
  const { stderr } = await promisify(execFile)(ffmpeg, ["-hide_banner", "-i", path, "-i", reference, "-filter_complex", parts.join(";"), "-map", "[out]", "-f", "null", "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const area = frame.width * frame.height;
  const boxArea = boxes.reduce((total, box) => total + box.width * box.height, 0);
  const restMse = (mseOf(logged(stderr, "psnr@rest", "y")) * area) / Math.max(1, area - boxArea);
  return {
    boxes: boxes.map((_, i) => ({ psnr: Math.min(100, logged(stderr, `psnr@box${i}`, "y")), ssim: logged(stderr, `ssim@box${i}`, "Y") })),
    restPsnr: psnrOf(restMse),
  };
}
