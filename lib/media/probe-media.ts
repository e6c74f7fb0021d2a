import ffmpeg, { type FfprobeData } from "fluent-ffmpeg";
import sharp from "sharp";
import { ffmpegPaths } from "./ffmpeg-paths";

export type MediaInfo = {
  kind: "video" | "image";
  mime: string;
  width: number;
  height: number;
  durationSec: number | null;
  frameRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
};

const imageMimes: Record<string, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  heif: "image/heif",
  tiff: "image/tiff",
};

async function probeImage(path: string): Promise<MediaInfo | null> {
  try {
    const image = sharp(path, { failOn: "error", animated: false });
    const { format, width, height } = await image.metadata();
    const mime = imageMimes[format];
    if (!mime || !width || !height) return null;
    await image.stats(); // decodes every pixel, so a truncated image is refused here
    return { kind: "image", mime, width, height, durationSec: null, frameRate: null, videoCodec: null, audioCodec: null };
  } catch {
    return null;
  }
}

function ffprobe(path: string): Promise<FfprobeData | null> {
  ffmpeg.setFfprobePath(ffmpegPaths().ffprobe);
  return new Promise((resolve) => ffmpeg.ffprobe(path, (error, data) => resolve(error ? null : data)));
}

function videoMime(formatName: string, videoCodec: string, majorBrand: string): string {
  if (formatName.includes("mp4")) return majorBrand.startsWith("qt") ? "video/quicktime" : "video/mp4";
  if (formatName.includes("webm") && /^(vp8|vp9|av1)$/.test(videoCodec)) return "video/webm";
  if (formatName.includes("matroska")) return "video/x-matroska";
  const byFormat: Record<string, string> = { avi: "video/x-msvideo", mpegts: "video/mp2t", flv: "video/x-flv", ogg: "video/ogg", asf: "video/x-ms-asf", mpeg: "video/mpeg" };
  return byFormat[formatName] ?? "application/octet-stream";
}

function rate(value: string | undefined): number | null {
  const [numerator, denominator] = (value ?? "").split("/").map(Number);
  if (!numerator || !denominator) return null;
  return Math.round((numerator / denominator) * 1000) / 1000;
}

async function probeVideo(path: string): Promise<MediaInfo | null> {
  const data = await ffprobe(path);
  if (!data) return null;
  const formatName = data.format.format_name ?? "";
  // Still-image demuxers mean a picture that sharp could not read: not something we accept as a video.
  if (formatName === "image2" || formatName.endsWith("_pipe") || formatName === "tty") return null;
  const video = data.streams.find((stream) => stream.codec_type === "video" && stream.disposition?.attached_pic !== 1);
  const audio = data.streams.find((stream) => stream.codec_type === "audio");
  const duration = Number(data.format.duration);
  if (!video?.width || !video.height || !video.codec_name || !(duration > 0)) return null;
  const majorBrand = String(data.format.tags?.major_brand ?? "").trim();
  return {
    kind: "video",
    mime: videoMime(formatName, video.codec_name, majorBrand),
    width: video.width,
    height: video.height,
    durationSec: duration,
    frameRate: rate(video.avg_frame_rate) ?? rate(video.r_frame_rate),
    videoCodec: video.codec_name,
    audioCodec: audio?.codec_name ?? null,
  };
}

/** What the file at `path` really is, judged by its content alone; null when it is neither a readable image nor a video. */
export async function probeMedia(path: string): Promise<MediaInfo | null> {
  return (await probeImage(path)) ?? (await probeVideo(path));
}
