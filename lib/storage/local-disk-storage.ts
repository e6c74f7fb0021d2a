import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir, opendir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { isDiskFull, measureFreeBytes } from "./free-space";
import { assertStorageKey, type Storage, type StoredObject } from "./storage";

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

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Bytes still being written, or abandoned by a crash while being written: renamed into place once complete. */
const isPartial = (key: string) => key.endsWith(".partial");

/** Files under `root`, written to a temporary name first and renamed into place when complete. */
export function localDiskStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = join(base, assertStorageKey(key));
    if (!path.startsWith(base + sep)) throw new Error(`invalid storage key: ${key}`);
    return path;
  };

  const put: Storage["put"] = async (key, body) => {
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
  };

  return {
    location: base,
    put,
    async putFile(key, path) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      try {
        // One disk (the usual case: temporary folders sit in DATA_DIR too): atomic, a crash leaves all or nothing.
        await rename(path, target);
        return { size: (await stat(target)).size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      }
      const stored = await put(key, createReadStream(path));
      await rm(path, { force: true });
      return stored;
    },
    async withLocalFile(key, work) {
      const path = pathOf(key);
      await access(path).catch((error: unknown) => {
        throw isMissing(error) ? new AppError("expired", undefined, `stored bytes of ${key} are gone`) : error;
      });
      return work(path);
    },
    read(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : undefined);
    },
    async stat(key) {
      try {
        const info = await stat(pathOf(key));
        return { size: info.size };
      } catch (error) {
        if (isMissing(error)) return null;
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
        if (object.key.startsWith(prefix) && !isPartial(object.key)) yield object;
      }
    },
    async removeUnfinishedWrites(olderThan) {
      let removed = 0;
      for await (const object of walk(base, "")) {
        if (!isPartial(object.key) || object.modifiedAt > olderThan) continue;
        await rm(join(base, object.key), { force: true });
        removed += 1;
      }
      return removed;
    },
    freeBytes: (claim) => measureFreeBytes(base, claim),
  };
}
