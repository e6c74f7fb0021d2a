import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { tempRoot } from "./temp-root";

/** A fresh private folder for one attempt of one job, named after it; the caller removes it when done. */
export async function makeWorkDir(name: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`invalid work folder name: ${name}`);
  const dir = join(tempRoot(), name);
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOENT") throw error;
    // A folder an earlier, interrupted attempt left behind (or no temporary root yet): start clean.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  return dir;
}
