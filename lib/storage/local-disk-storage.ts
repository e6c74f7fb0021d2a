import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { isDiskFull } from "./is-disk-full";
import { measureFreeBytes } from "./measure-free-bytes";
import type { Storage } from "./storage";

const KEY_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** Files under `root`, written to a temporary name first and renamed into place when complete. */
export function localDiskStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`invalid storage key: ${key}`);
    const path = join(base, key);
    if (!path.startsWith(base + sep)) throw new Error(`invalid storage key: ${key}`);
    return path;
  };

  return {
    async put(key, body) {
      const path = pathOf(key);
      const partial = `${path}.${randomBytes(4).toString("hex")}.partial`;
      try {
        await mkdir(dirname(path), { recursive: true });
        const sink = createWriteStream(partial);
        await pipeline(body, sink);
        await rename(partial, path);
        return { size: sink.bytesWritten };
      } catch (error) {
        await rm(partial, { force: true });
        throw isDiskFull(error) ? new AppError("storage_full") : error;
      }
    },
    read(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : undefined);
    },
    async stat(key) {
      try {
        const info = await stat(pathOf(key));
        return { size: info.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    freeBytes: (claim) => measureFreeBytes(base, claim),
    localPath: pathOf,
  };
}
