import { z } from "zod";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { confinedInput } from "./confined-input";
import { ffmpegPaths } from "./ffmpeg-paths";
import type { VideoInfo } from "./media-info";
import { runProcess } from "./run-process";
import type { VideoDemuxer } from "./sniff-media";

/** Frames per second of an ffprobe fraction such as "30000/1001", rounded to 3 decimals; null for "0/0" or nonsense. */
function frameRate(fraction: string | undefined): number | null {
  const [numerator, denominator] = (fraction ?? "").split("/").map(Number);
  if (!numerator || !denominator || !Number.isFinite(numerator / denominator)) return null;
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/** No frame side beyond this, whatever the pixel budget (it is also the H.264 level ceiling). */
const MAX_SIDE = 16_384;

const optionalNumber = z.coerce.number().optional().catch(undefined);

const probeSchema = z.object({
  format: z.object({ format_name: z.string(), duration: optionalNumber, tags: z.record(z.string(), z.unknown()).optional() }),
  streams: z.array(
    z.object({
      codec_type: z.string().optional(),
      codec_name: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      r_frame_rate: z.string().optional(),
      avg_frame_rate: z.string().optional(),
      pix_fmt: z.string().optional(),
      sample_rate: optionalNumber,
      channels: z.number().optional(),
      duration: optionalNumber,
      disposition: z.object({ attached_pic: z.number().optional() }).optional(),
    }),
  ),
});

type Probe = z.infer<typeof probeSchema>;

function videoMime(demuxer: VideoDemuxer, probe: Probe, videoCodec: string): string {
  if (demuxer === "mov") return String(probe.format.tags?.major_brand ?? "").startsWith("qt") ? "video/quicktime" : "video/mp4";
  if (demuxer === "matroska") return /^(vp8|vp9|av1)$/.test(videoCodec) ? "video/webm" : "video/x-matroska";
  const mimes = { avi: "video/x-msvideo", mpegts: "video/mp2t", flv: "video/x-flv", ogg: "video/ogg", asf: "video/x-ms-asf", mpeg: "video/mpeg" };
  return mimes[demuxer];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // refused by the schema just after
  }
}

/** The decoder's refusal to allocate a frame over `-max_pixels`: the frame size is over the limit. */
const FRAME_TOO_LARGE = /exceeds specified max pixel count/;

async function runFfprobe(path: string, demuxer: VideoDemuxer, options: { signal?: AbortSignal; enforceLimits: boolean }): Promise<Probe> {
  const { signal } = options;
  const { mediaProbeTimeoutSeconds, maxVideoPixels } = getConfig().limits;
  const limit = AbortSignal.timeout(mediaProbeTimeoutSeconds * 1000);
  // ffprobe decodes a frame or two to complete the stream parameters: never one larger than the limit.
  const maxPixels = options.enforceLimits ? ["-max_pixels", String(maxVideoPixels)] : [];
  const args = ["-v", "error", ...maxPixels, "-print_format", "json", "-show_format", "-show_streams", ...confinedInput(path, demuxer)];
  let result: Awaited<ReturnType<typeof runProcess>>;
  try {
    result = await runProcess({ command: ffmpegPaths().ffprobe, args, signal: signal ? AbortSignal.any([signal, limit]) : limit });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const why = limit.aborted ? "ffprobe ran past its time limit" : `ffprobe did not run: ${String(error).slice(0, 200)}`;
    throw new AppError("unsupported_media", undefined, why);
  }
  if (FRAME_TOO_LARGE.test(result.stderrTail)) throw new AppError("media_limits", "dimensions");
  const parsed = result.exitCode === 0 ? probeSchema.safeParse(parseJson(result.stdout)) : undefined;
  if (!parsed?.success) {
    throw new AppError("unsupported_media", undefined, `ffprobe could not read it: ${result.stderrTail.trim().slice(-300)}`);
  }
  return parsed.data;
}

function checkLimits(probe: Probe, durationSec: number): void {
  const { maxVideoSeconds, maxVideoPixels } = getConfig().limits;
  if (durationSec > maxVideoSeconds) throw new AppError("media_limits", "duration");
  const frames = probe.streams.filter((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1);
  const oversized = frames.some(({ width = 0, height = 0 }) => width * height > maxVideoPixels || Math.max(width, height) > MAX_SIDE);
  if (oversized) throw new AppError("media_limits", "dimensions");
}

/**
 * A video read by ffprobe under the demuxer sniffing chose, confined to that one file and to the
 * probe time limit; its duration and frame size are judged from the headers (no frame is decoded).
 */
export async function probeVideo(options: { path: string; demuxer: VideoDemuxer; signal?: AbortSignal; enforceLimits: boolean }): Promise<VideoInfo> {
  const { demuxer } = options;
  const probe = await runFfprobe(options.path, demuxer, options);
  const video = probe.streams.find((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1);
  const audio = probe.streams.find((stream) => stream.codec_type === "audio");
  const durationSec = probe.format.duration ?? video?.duration ?? 0;
  if (!video?.width || !video.height || !video.codec_name || !(durationSec > 0)) {
    throw new AppError("unsupported_media", undefined, "no video stream with a size and a duration");
  }
  if (options.enforceLimits) checkLimits(probe, durationSec);
  const fraction = video.avg_frame_rate && video.avg_frame_rate !== "0/0" ? video.avg_frame_rate : video.r_frame_rate;
  return {
    kind: "video",
    format: demuxer,
    mime: videoMime(demuxer, probe, video.codec_name),
    width: video.width,
    height: video.height,
    durationSec,
    video: {
      codec: video.codec_name, width: video.width, height: video.height,
      fps: frameRate(fraction) ?? frameRate(video.r_frame_rate), frameRate: fraction ?? "0/1", pixFmt: video.pix_fmt ?? "unknown",
    },
    audio: audio ? { codec: audio.codec_name ?? "unknown", sampleRate: audio.sample_rate ?? 0, channels: audio.channels ?? 0 } : null,
  };
}
