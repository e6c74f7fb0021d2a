import { AppError } from "../errors";

const DISK_FULL_CODES = new Set(["ENOSPC", "EDQUOT"]);

/** What tools such as ffmpeg print when a write fails for want of space. */
const DISK_FULL_TEXT = /No space left on device|Disk quota exceeded/i;

/** Whether `error` says a write failed because the disk (or a disk quota) is full. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "storage_full" || DISK_FULL_TEXT.test(error.message);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && DISK_FULL_CODES.has(code);
}
