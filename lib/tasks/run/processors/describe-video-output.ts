import { mediaFields } from "../../../media/media-info";
import { probeMedia } from "../../../media/probe-media";
import type { ProducedFile } from "./task-processing";

/** The File fields of an MP4 the worker produced, read back with the same probe uploads go through. */
export async function describeVideoOutput(path: string, name: string, signal: AbortSignal): Promise<ProducedFile> {
  // Our own output: a merge may rightly be longer than any one upload may be.
  const info = await probeMedia(path, { signal, enforceLimits: false });
  return { ...mediaFields(info), path, name, mime: "video/mp4" };
}
