import { inspectMedia } from "../media/inspect-media";
import type { ProducedFile } from "./task-processing";

/** The File fields of an MP4 the worker produced, read back with ffprobe. */
export async function describeVideoOutput(path: string, name: string): Promise<ProducedFile> {
  const info = await inspectMedia(path);
  return {
    path,
    extension: "mp4",
    name,
    mime: "video/mp4",
    kind: "video",
    width: info.video?.width ?? 0,
    height: info.video?.height ?? 0,
    durationSec: info.durationSec,
    frameRate: info.video?.fps ?? null,
    videoCodec: info.video?.codec ?? null,
    audioCodec: info.audio?.codec ?? null,
  };
}
