import type { File } from "../generated/prisma/client";
import { presentWatermarks, type WatermarkView } from "./file-watermarks";

export type FileView = {
  id: string;
  name: string;
  size: number;
  mime: string;
  kind: "video" | "image";
  width: number;
  height: number;
  durationSec: number | null;
  createdAt: string;
  expiresAt: string;
  thumbnailUrl: string | null;
  /** Static overlays the analysis found; null until a video has been analysed. */
  watermarks: WatermarkView[] | null;
};

/** A file as the API shows it. */
export function presentFile(file: File): FileView {
  return {
    id: file.id,
    name: file.name,
    size: Number(file.size),
    mime: file.mime,
    kind: file.kind,
    width: file.width,
    height: file.height,
    durationSec: file.kind === "video" ? file.durationSec : null,
    createdAt: file.createdAt.toISOString(),
    expiresAt: file.expiresAt.toISOString(),
    thumbnailUrl: file.thumbnailKey && !file.expiredAt ? `/api/files/${file.id}/thumbnail` : null,
    watermarks: presentWatermarks(file),
  };
}
