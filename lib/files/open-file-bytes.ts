import type { Readable } from "node:stream";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getStorage } from "../storage/get-storage";
import type { ByteRange } from "../storage/storage";

export type FileBytes = {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
  read: (range?: ByteRange) => Readable;
};

/**
 * The stored bytes of the visitor's file (`content`) or of its thumbnail. Unknown ids and other
 * visitors' files are not_found; an expired file answers `expired`; a thumbnail that does not exist yet
 * is not_found.
 */
export async function openFileBytes(options: { visitorId: string; fileId: string; variant: "content" | "thumbnail" }): Promise<FileBytes> {
  const file = await getDb().file.findFirst({ where: { id: options.fileId, visitorId: options.visitorId } });
  if (!file) throw new AppError("not_found");
  if (file.expiredAt) throw new AppError("expired");
  const key = options.variant === "content" ? file.storageKey : file.thumbnailKey;
  if (!key) throw new AppError("not_found");
  const storage = getStorage();
  const stat = await storage.stat(key);
  if (!stat) throw new AppError(options.variant === "content" ? "expired" : "not_found");
  const isContent = options.variant === "content";
  return {
    fileId: file.id,
    name: isContent ? file.name : `${file.name.replace(/\.[^.]*$/, "")}-thumbnail.webp`,
    mime: isContent ? file.mime : "image/webp",
    size: stat.size,
    createdAt: file.createdAt,
    read: (range) => storage.read(key, range),
  };
}
