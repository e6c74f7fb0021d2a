import { readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tempRoot } from "./temp-root";

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
