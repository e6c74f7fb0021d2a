import { AppError } from "../errors";
import { mediaFields, type MediaFields } from "../media/media-info";
import { probeMedia } from "../media/probe-media";

/**
 * Judges a complete upload by its content, whichever way it arrived: a video or image we can read
 * within the configured limits, or AppError unsupported_media (415) or media_limits (422).
 */
export async function probeUpload(options: { path: string; size: number }): Promise<MediaFields> {
  if (options.size === 0) throw new AppError("unsupported_media");
  return mediaFields(await probeMedia(options.path));
}
