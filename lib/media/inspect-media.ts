import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { AppError } from "../errors";
import { ffmpegPaths } from "./ffmpeg-paths";

const run = promisify(execFile);

export type MediaInfo = {
  durationSec: number;
  video: { codec: string; width: number; height: number; fps: number; frameRate: string; pixFmt: string } | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
};

const probeSchema = z.object({
  format: z.object({ duration: z.coerce.number().optional() }).optional(),
  streams: z.array(
    z.object({
      codec_type: z.string().optional(),
      codec_name: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      r_frame_rate: z.string().optional(),
      avg_frame_rate: z.string().optional(),
      pix_fmt: z.string().optional(),
      sample_rate: z.coerce.number().optional(),
      channels: z.number().optional(),
      duration: z.coerce.number().optional(),
    }),
  ),
});

function rateOf(fraction: string | undefined): number {
  const [num = 0, den = 0] = (fraction ?? "0/1").split("/").map(Number);
  return den ? num / den : 0;
}

/** Streams and duration of a media file; throws AppError("invalid_input") when ffprobe cannot read it. */
export async function inspectMedia(path: string): Promise<MediaInfo> {
  let stdout: string;
  try {
    const args = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path];
    ({ stdout } = await run(ffmpegPaths().ffprobe, args, { maxBuffer: 8 * 1024 * 1024 }));
  } catch (error) {
    throw new AppError("invalid_input", undefined, `ffprobe could not read the input: ${String(error).slice(0, 300)}`);
  }
  const probe = probeSchema.parse(JSON.parse(stdout));
  const video = probe.streams.find((stream) => stream.codec_type === "video");
  const audio = probe.streams.find((stream) => stream.codec_type === "audio");
  const frameRate = video?.avg_frame_rate && video.avg_frame_rate !== "0/0" ? video.avg_frame_rate : video?.r_frame_rate;
  return {
    durationSec: probe.format?.duration ?? video?.duration ?? 0,
    video: video
      ? {
          codec: video.codec_name ?? "unknown",
          width: video.width ?? 0,
          height: video.height ?? 0,
          fps: rateOf(frameRate),
          frameRate: frameRate ?? "0/1",
          pixFmt: video.pix_fmt ?? "unknown",
        }
      : null,
    audio: audio
      ? { codec: audio.codec_name ?? "unknown", sampleRate: audio.sample_rate ?? 0, channels: audio.channels ?? 0 }
      : null,
  };
}
