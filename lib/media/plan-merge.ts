import { evenSize } from "./output-encoding";
import type { VideoInfo } from "./media-info";

export type MergePlan =
  | { mode: "copy" }
  | { mode: "encode"; width: number; height: number; fps: number };

const COPYABLE_VIDEO = new Set(["h264", "hevc"]);
const COPYABLE_AUDIO = new Set(["aac"]);

const signature = (info: VideoInfo) =>
  JSON.stringify([
    info.video.codec, info.video.width, info.video.height, info.video.frameRate, info.video.pixFmt,
    info.audio?.codec ?? null, info.audio?.sampleRate ?? null, info.audio?.channels ?? null,
  ]);

/**
 * Stream copy through the concat demuxer when every input shares codecs, size, frame rate and
 * audio layout (and MP4 can carry them); otherwise re-encode to the first video's size.
 */
export function planMerge(inputs: VideoInfo[]): MergePlan {
  const [first] = inputs;
  if (!first) throw new Error("planMerge needs at least one input");
  const sameShape = inputs.every((info) => signature(info) === signature(first));
  const copyable = COPYABLE_VIDEO.has(first.video.codec) && (!first.audio || COPYABLE_AUDIO.has(first.audio.codec));
  if (sameShape && copyable) return { mode: "copy" };
  const fps = Math.min(60, Math.max(1, first.video.fps ?? 25));
  return { mode: "encode", width: evenSize(first.video.width), height: evenSize(first.video.height), fps };
}
