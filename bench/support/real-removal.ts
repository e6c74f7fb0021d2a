import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { VideoInfo } from "../../lib/media/media-info";
import { H264_VIDEO } from "../../lib/media/output-encoding";
import { boxQuality, type BoxQuality } from "./box-quality";
import type { PreparedClip } from "./real-clip-files";

type Rect = { x: number; y: number; width: number; height: number };
type RunOptions = { ffmpeg: string; inputPath: string; outputPath: string; info: VideoInfo; boxes: Rect[]; workDir: string };
/** One way of removing marks: writes `outputPath` (or returns another path whose video stands for the result). */
export type RemovalVariant = { name: string; run: ((options: RunOptions) => Promise<void>) | null };

/** ffmpeg's own delogo over each box, run directly with the product's encoding: the baseline to beat. */
async function bareDelogo({ ffmpeg, inputPath, outputPath, info, boxes }: RunOptions): Promise<void> {
  const { clampRegion } = await import("../../lib/media/remove-watermark");
  const filter = boxes.map((box) => clampRegion(box, info.video)).map(({ x, y, width, height }) => `delogo=x=${x}:y=${y}:w=${width}:h=${height}`).join(",");
  await promisify(execFile)(ffmpeg, ["-v", "error", "-y", "-i", inputPath, "-vf", filter, ...H264_VIDEO, "-fps_mode", "passthrough", "-an", outputPath]);
}

/**
 * "none" (the marked clip), bare ffmpeg delogo, every method the task type offers (read at run time, so
 * new methods show up), and the server's own choice when remove-watermark exports a chooser; only the
 * names WATERMARK_REAL_METHODS lists (comma-separated) when it is set.
 */
export async function removalMethods(): Promise<RemovalVariant[]> {
  const { watermarkMethods } = await import("../../lib/tasks/types/watermark-rules");
  const media = (await import("../../lib/media/remove-watermark")) as Record<string, unknown>;
  const project = (method: string | undefined) => async ({ inputPath, outputPath, info, boxes, workDir }: RunOptions) => {
    const options = { inputPath, outputPath, info, regions: boxes, workDir, signal: new AbortController().signal };
    await (media.removeWatermark as (options: object) => Promise<void>)(method === undefined ? options : { ...options, method });
  };
  const hasChooser = Object.entries(media).some(([name, value]) => typeof value === "function" && /^(choose|pick)/.test(name));
  const wanted = process.env.WATERMARK_REAL_METHODS?.split(",").map((name) => name.trim());
  const variants: RemovalVariant[] = [
    { name: "none", run: null },
    { name: "ffmpeg delogo", run: bareDelogo },
    ...watermarkMethods.map((method) => ({ name: method, run: project(method) })),
    ...(hasChooser ? [{ name: "default", run: project(undefined) }] : []),
  ];
  return wanted ? variants.filter((variant) => wanted.includes(variant.name)) : variants;
}

/**
 * Every variant run on the marked clip, removing `boxes` (the marks' true boxes, or the regions detection
 * gives), each output measured inside the true boxes `measured` against the clean reference.
 */
export async function realClipRemoval(options: { ffmpeg: string; prepared: PreparedClip; info: VideoInfo; methods: RemovalVariant[]; boxes: Rect[]; measured: Rect[]; workDir: string }): Promise<Map<string, BoxQuality>> {
  const { ffmpeg, prepared, info, methods, workDir } = options;
  const results = new Map<string, BoxQuality>();
  for (const [index, method] of methods.entries()) {
    const outputPath = method.run ? join(workDir, `removed-${index}.mp4`) : prepared.unremoved;
    if (method.run) await method.run({ ffmpeg, inputPath: prepared.marked, outputPath, info, boxes: options.boxes, workDir });
    results.set(method.name, await boxQuality(ffmpeg, outputPath, prepared.reference, prepared.frame, options.measured));
  }
  return results;
}
