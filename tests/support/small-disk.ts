import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { statfs, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type SmallDisk = {
  dir: string;
  freeBytes: () => Promise<number>;
  /** Writes a file of zeros that leaves about `leaveFree` bytes free; returns its path. */
  fill: (leaveFree: number) => Promise<string>;
  unmount: () => void;
};

function mountTmpfs(dir: string, sizeMiB: number): void {
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m`, "tmpfs", dir], { stdio: "pipe" });
}

/** Why a real small filesystem cannot be mounted here, or null when it can (root and tmpfs). */
export function smallDiskUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "mounting a tmpfs needs root";
  const dir = mkdtempSync(join(tmpdir(), "clipclean-disk-probe-"));
  try {
    mountTmpfs(dir, 1);
    execFileSync("umount", [dir]);
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${(error as Error).message}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real filesystem of `sizeMiB` mebibytes (tmpfs), for tests that fill a disk. */
export function mountSmallDisk(sizeMiB: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), "clipclean-small-disk-"));
  mountTmpfs(dir, sizeMiB);
  const freeBytes = async () => {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  };
  return {
    dir,
    freeBytes,
    fill: async (leaveFree) => {
      const path = join(dir, `filler-${Date.now()}`);
      await writeFile(path, Buffer.alloc(Math.max(0, (await freeBytes()) - leaveFree)));
      return path;
    },
    unmount: () => {
      execFileSync("umount", ["--lazy", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
