import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, opendir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { isDiskFull } from "./is-disk-full";
import { measureFreeBytes } from "./measure-free-bytes";
import type { Storage, StoredObject } from "./storage";

/** Walks `dir` depth-first without reading a whole folder into memory; a missing folder lists nothing. */
async function* walk(dir: string, keyPrefix: string): AsyncGenerator<StoredObject> {
  const entries = await opendir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!entries) return;
  for await (const entry of entries) {
    const key = `${keyPrefix}${entry.name}`;
    if (entry.isDirectory()) {
      yield* walk(join(dir, entry.name), `${key}/`);
    } else if (entry.isFile()) {
      // Gone between listing and stat: a delete or rename raced us, so there is nothing to report.
      const info = await stat(join(dir, entry.name)).catch(() => null);
      if (info) yield { key, modifiedAt: info.mtime };
    }
  }
}

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
    async *list(prefix) {
      const folder = prefix.slice(0, prefix.lastIndexOf("/") + 1);
      if (folder) pathOf(folder.slice(0, -1));
      for await (const object of walk(join(base, folder), folder)) {
        if (object.key.startsWith(prefix)) yield object;
      }
    },
    freeBytes: (claim) => measureFreeBytes(base, claim),
    localPath: pathOf,
  };
}
