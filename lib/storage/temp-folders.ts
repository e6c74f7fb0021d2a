import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { getConfig } from "../config";

/**
 * Where this process (a worker or a web server) keeps its temporary files: one folder per process
 * under DATA_DIR/tmp, on this host's own disk whatever the storage driver.
 */
export function tempRoot(pid = process.pid): string {
  return join(getConfig().dataDir, "tmp", `process-${pid}`);
}

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

/**
 * A fresh path in this process's temporary folder for bytes on their way into or out of storage,
 * named after `key` for whoever reads a listing; the folder exists, the file does not yet.
 */
export async function stagingPath(key: string): Promise<string> {
  const dir = join(tempRoot(), "staging");
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomUUID()}-${basename(key)}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Start-up cleaning: removes the temporary folders of processes on this host that are no
 * longer running (they crashed or were killed mid-job), and this process's own leftovers.
 * Returns how many folders were removed.
 */
export async function removeStaleTempDirs(): Promise<number> {
  const root = dirname(tempRoot());
  const entries = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const entry of entries) {
    // "worker-" folders are those of earlier versions, which only workers had.
    const pid = Number(/^(?:process|worker)-(\d+)$/.exec(entry)?.[1]);
    if (!pid || (pid !== process.pid && isAlive(pid))) continue;
    await rm(join(root, entry), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
