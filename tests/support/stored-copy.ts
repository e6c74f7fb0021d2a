import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { getStorage } from "@/lib/storage/get-storage";

/** A local copy of the bytes stored under `key`, read through the storage (whichever driver), for tools that need a path. */
export async function copyOfStored(key: string): Promise<string> {
  const path = join(tmpdir(), `stored-${randomUUID()}-${basename(key)}`);
  await pipeline(getStorage().read(key), createWriteStream(path));
  return path;
}
