import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { tempRoot } from "../retention/temp-root";

/**
 * A fresh path in this process's temporary folder for bytes on their way into or out of storage,
 * named after `key` for whoever reads a listing; the folder exists, the file does not yet.
 */
export async function stagingPath(key: string): Promise<string> {
  const dir = join(tempRoot(), "staging");
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomUUID()}-${basename(key)}`);
}
