import { AppError } from "@/lib/errors";
import type { FileView } from "@/lib/files/file-view";
import { getFileView } from "@/lib/files/file-view-sql";
import { readCurrentVisitor } from "@/lib/web/current-visitor";

/** What became of "?file=<id>" on New task: the file to start with, or why there is none. */
export type ChosenFile = { file: FileView } | { refused: "fileUnavailable" | "fileExpired" };

/** The current visitor's file with this id, still stored, or why it cannot be used (another visitor's, deleted, expired). */
export async function readChosenFile(fileId: string): Promise<ChosenFile> {
  const visitor = await readCurrentVisitor();
  if (!visitor) return { refused: "fileUnavailable" };
  try {
    const file = await getFileView({ visitorId: visitor.id, fileId });
    return Date.parse(file.expiresAt) <= Date.now() ? { refused: "fileExpired" } : { file };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { refused: "fileUnavailable" };
    throw error;
  }
}
