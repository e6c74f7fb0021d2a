import { mkdir, statfs } from "node:fs/promises";
import { AppError } from "../errors";
import { processSingleton } from "../process-singleton";

/** Uploads ask once per few megabytes; a second-old figure is close enough and spares the syscalls. */
const CACHE_MS = 1_000;

type Measurement = { at: number; bytes: Promise<number>; claimed: number };

/** Per folder, shared by every upload and task of the process, so that their claims add up. */
const measured = processSingleton<Map<string, Measurement>>("free-bytes");

async function statFreeBytes(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const info = await statfs(dir);
  // bavail, not bfree: blocks reserved for root are not ours to fill.
  return info.bavail * info.bsize;
}

/**
 * The bytes free on the disk holding `dir`, measured at most a second ago, less what this process
 * has claimed since (so a stale figure does not let writes pass the floor); then claims `claim` more.
 */
export async function measureFreeBytes(dir: string, claim = 0): Promise<number> {
  const measurements = measured.get(() => new Map());
  let measurement = measurements.get(dir);
  if (!measurement || Date.now() - measurement.at >= CACHE_MS) {
    measurement = { at: Date.now(), bytes: statFreeBytes(dir), claimed: 0 };
    measurements.set(dir, measurement);
  }
  const claimedBefore = measurement.claimed;
  measurement.claimed += claim;
  try {
    return (await measurement.bytes) - claimedBefore;
  } catch (error) {
    measurements.delete(dir);
    throw error;
  }
}

const DISK_FULL_CODES = new Set(["ENOSPC", "EDQUOT"]);

/** What tools such as ffmpeg print when a write fails for want of space. */
const DISK_FULL_TEXT = /No space left on device|Disk quota exceeded/i;

/** Whether `error` says a write failed because the disk (or a disk quota) is full. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "storage_full" || DISK_FULL_TEXT.test(error.message);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && DISK_FULL_CODES.has(code);
}
