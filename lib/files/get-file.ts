import { getDb } from "../db";
import { AppError } from "../errors";
import type { File } from "../generated/prisma/client";

/** The visitor's file with this id; unknown ids and other visitors' files are both not_found. */
export async function getFile({ visitorId, fileId }: { visitorId: string; fileId: string }): Promise<File> {
  const file = await getDb().file.findFirst({ where: { id: fileId, visitorId } });
  if (!file) throw new AppError("not_found");
  return file;
}
