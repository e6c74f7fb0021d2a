/**
 * Image formats accepted, by sharp's name. TIFF, SVG, HEIC and the rest are refused: they are rare
 * as video-tool inputs and large attack surfaces.
 */
export const IMAGE_FORMATS = ["jpeg", "png", "webp", "gif", "avif"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * Video demuxers accepted, by ffmpeg's name: self-contained containers that never open another file
 * or URL (mov's external references stay off: `enable_drefs` defaults to false). Playlists, manifests
 * and scripts (hls, dash, concat, sdp, rtp, image2 patterns, tee, data:) are never on this list.
 */
export const VIDEO_DEMUXERS = ["mov", "matroska", "avi", "mpegts", "flv", "ogg", "asf", "mpeg"] as const;
export type VideoDemuxer = (typeof VIDEO_DEMUXERS)[number];

export type SniffedMedia = { kind: "image"; format: ImageFormat } | { kind: "video"; demuxer: VideoDemuxer };

/** Bytes of a file's start that sniffing needs. */
export const SNIFF_BYTES = 4096;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((byte, index) => head[at + index] === byte);
const ascii = (head: Buffer, start: number, end: number) => head.toString("latin1", start, end);

/** ISO base media (MP4, MOV, AVIF): the first box's type; AVIF is told apart by its brand. */
function sniffIsoMedia(head: Buffer): SniffedMedia | null {
  const box = ascii(head, 4, 8);
  if (box === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (brand === "avif" || brand === "avis") return { kind: "image", format: "avif" };
    if (brand === "mif1" || brand === "msf1" || brand.startsWith("hei")) return null;
    return { kind: "video", demuxer: "mov" };
  }
  // Older QuickTime files start straight with one of these boxes.
  return ["moov", "mdat", "free", "skip", "wide"].includes(box) ? { kind: "video", demuxer: "mov" } : null;
}

function sniffRiff(head: Buffer): SniffedMedia | null {
  const form = ascii(head, 8, 12);
  if (form === "WEBP") return { kind: "image", format: "webp" };
  if (form === "AVI ") return { kind: "video", demuxer: "avi" };
  return null;
}

function isMpegTs(head: Buffer): boolean {
  const packets = Math.min(4, Math.floor(head.length / 188));
  if (packets < 2) return false;
  return Array.from({ length: packets }, (_, index) => head[index * 188]).every((byte) => byte === 0x47);
}

/**
 * What a file is, judged by its first bytes against the allowlists alone: null for anything else,
 * including every text format (HLS and DASH manifests, ffconcat and SDP scripts, subtitles).
 * The decoders named here are then forced, so ffmpeg never guesses a format from the content.
 */
export function sniffMedia(head: Buffer): SniffedMedia | null {
  if (head.length < 12) return null;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: "image", format: "jpeg" };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: "image", format: "png" };
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return { kind: "image", format: "gif" };
  if (ascii(head, 0, 4) === "RIFF") return sniffRiff(head);
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: "video", demuxer: "matroska" };
  if (ascii(head, 0, 4) === "FLV\x01") return { kind: "video", demuxer: "flv" };
  if (ascii(head, 0, 4) === "OggS") return { kind: "video", demuxer: "ogg" };
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return { kind: "video", demuxer: "asf" };
  if (startsWith(head, [0x00, 0x00, 0x01, 0xba])) return { kind: "video", demuxer: "mpeg" };
  if (isMpegTs(head)) return { kind: "video", demuxer: "mpegts" };
  return sniffIsoMedia(head);
}
