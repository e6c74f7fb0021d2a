import type { ImageFormat, VideoDemuxer } from "./sniff-media";

export type VideoStreamInfo = {
  codec: string;
  width: number;
  height: number;
  /** Frames per second, rounded to 3 decimals; null when the file does not say. */
  fps: number | null;
  /** ffprobe's fraction (e.g. "30000/1001"), which merges compare exactly. */
  frameRate: string;
  pixFmt: string;
};

export type AudioStreamInfo = { codec: string; sampleRate: number; channels: number };

/** What a media file is, judged by its content: the one description uploads, tasks and outputs share. */
export type MediaInfo =
  | { kind: "image"; format: ImageFormat; mime: string; width: number; height: number }
  | {
      kind: "video";
      /** The demuxer that reads it, which every later ffmpeg run is held to. */
      format: VideoDemuxer;
      mime: string;
      width: number;
      height: number;
      /** As the container declares it (which a hostile file may overstate). */
      durationSec: number;
      video: VideoStreamInfo;
      audio: AudioStreamInfo | null;
    };

export type VideoInfo = Extract<MediaInfo, { kind: "video" }>;

/** The File row's description of the media (the columns uploads and task outputs fill alike). */
export type MediaFields = {
  kind: "video" | "image";
  mime: string;
  width: number;
  height: number;
  durationSec: number | null;
  frameRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
};

export function mediaFields(info: MediaInfo): MediaFields {
  const { kind, mime, width, height } = info;
  if (info.kind === "image") return { kind, mime, width, height, durationSec: null, frameRate: null, videoCodec: null, audioCodec: null };
  return {
    kind, mime, width, height,
    durationSec: info.durationSec,
    frameRate: info.video.fps,
    videoCodec: info.video.codec,
    audioCodec: info.audio?.codec ?? null,
  };
}
