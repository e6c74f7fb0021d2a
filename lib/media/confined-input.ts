import { VIDEO_DEMUXERS, type VideoDemuxer } from "./sniff-media";

/** The demuxers a confined input may use, as ffmpeg's `-format_whitelist` takes them. */
export const DEMUXER_WHITELIST = VIDEO_DEMUXERS.join(",");

/**
 * ffmpeg/ffprobe options that read one visitor file with the demuxer sniffing chose, and nothing else:
 * only the `file` protocol (so no network, `concat:`, `subfile:` or `data:` tricks) and only the
 * allowlisted demuxers, which ffmpeg also applies to anything a demuxer would open in turn.
 * (`-protocol_whitelist file` alone is not enough: an HLS playlist reads any local file through it.)
 */
export function confinedInput(path: string, demuxer: VideoDemuxer): string[] {
  return ["-protocol_whitelist", "file", "-format_whitelist", DEMUXER_WHITELIST, "-f", demuxer, "-i", `file:${path}`];
}
