import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { tempRoot } from "./temp-root";

/** A fresh private folder for one attempt of one job, named after it; the caller removes it when done. */
export async function makeWorkDir(name: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`invalid work folder name: ${name}`);
  const dir = join(tempRoot(), name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}
