import { getDb } from "../db";
import { AppError } from "../errors";
import type { FileBytes } from "../files/open-file-bytes";
import { getStorage } from "../storage/get-storage";

/** One of the visitor's ready preview's frames (WebP); anything else, another visitor's included, is not_found. */
export async function openPreviewImage(options: { visitorId: string; previewId: string; side: "before" | "after" }): Promise<FileBytes> {
  const preview = await getDb().watermarkPreview.findFirst({
    where: { id: options.previewId, visitorId: options.visitorId, status: "ready", expiresAt: { gt: new Date() } },
  });
  const key = options.side === "before" ? preview?.beforeKey : preview?.afterKey;
  if (!preview || !key) throw new AppError("not_found");
  const storage = getStorage();
  const stat = await storage.stat(key);
  if (!stat) throw new AppError("not_found");
  return {
    fileId: `${preview.id}-${options.side}`,
    name: `preview-${options.side}.webp`,
    mime: "image/webp",
    size: stat.size,
    createdAt: preview.createdAt,
    read: (range) => storage.read(key, range),
  };
}
