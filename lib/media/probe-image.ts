import type { FileHandle } from "node:fs/promises";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { imageIsComplete } from "./image-is-complete";
import type { MediaInfo } from "./media-info";
import { openImage } from "./open-image";
import type { ImageFormat } from "./sniff-media";

const MIMES: Record<ImageFormat, string> = {
  jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif", avif: "image/avif",
};

/** sharp's name for the format, with AVIF told apart from other HEIF images by its codec. */
function formatOf(metadata: { format?: string; compression?: string }): string | undefined {
  return metadata.format === "heif" && metadata.compression === "av1" ? "avif" : metadata.format;
}

async function readHeader(path: string) {
  try {
    return await openImage(path).metadata();
  } catch (error) {
    if (/pixel limit/i.test(String(error))) throw new AppError("media_limits", "pixels");
    throw new AppError("unsupported_media", undefined, `unreadable image header: ${String(error).slice(0, 200)}`);
  }
}

/** An image sniffing recognised, judged from its header only; its pixels are never decoded here. */
export async function probeImage(options: { path: string; file: FileHandle; size: number; format: ImageFormat }): Promise<MediaInfo> {
  const { path, file, size, format } = options;
  const metadata = await readHeader(path);
  const { width, height } = metadata;
  if (formatOf(metadata) !== format || !width || !height) throw new AppError("unsupported_media", undefined, "the image header disagrees with its content");
  if (width * height > getConfig().limits.maxImagePixels) throw new AppError("media_limits", "pixels");
  if (!(await imageIsComplete(file, format, size))) throw new AppError("unsupported_media", undefined, "the image is truncated");
  return { kind: "image", format, mime: MIMES[format], width, height };
}
