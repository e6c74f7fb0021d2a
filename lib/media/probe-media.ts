import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { AppError } from "../errors";
import type { MediaInfo } from "./media-info";
import { probeImage } from "./probe-image";
import { probeVideo } from "./probe-video";
import { SNIFF_BYTES, sniffMedia } from "./sniff-media";

export type ProbeMediaOptions = {
  /** Stops the probe (with the signal's reason); it has its own time limit besides. */
  signal?: AbortSignal;
  /** Refuse videos beyond the configured duration and frame size (off only for our own outputs); images always keep to MAX_IMAGE_PIXELS. */
  enforceLimits?: boolean;
};

/**
 * What the file at `path` is, judged by its content alone: an allowlisted image or video, described
 * from its headers. Throws AppError("unsupported_media") for anything else and
 * AppError("media_limits", field) for media beyond the configured limits.
 */
export async function probeMedia(path: string, options: ProbeMediaOptions = {}): Promise<MediaInfo> {
  // Non-blocking, so that a FIFO or device in place of a file cannot stall the open.
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new AppError("unsupported_media", undefined, "not a regular file");
    const { size } = stats;
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    const sniffed = sniffMedia(head.subarray(0, bytesRead));
    if (!sniffed) throw new AppError("unsupported_media", undefined, "not an accepted image or video format");
    if (sniffed.kind === "image") return await probeImage({ path, file, size, format: sniffed.format });
    return await probeVideo({ path, demuxer: sniffed.demuxer, signal: options.signal, enforceLimits: options.enforceLimits ?? true });
  } finally {
    await file.close();
  }
}
