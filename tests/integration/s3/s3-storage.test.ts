import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, test } from "vitest";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { removeOrphanBytes } from "@/lib/retention/remove-orphan-bytes";
import { getStorage } from "@/lib/storage/get-storage";
import { s3Storage } from "@/lib/storage/s3-storage";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { storedKeys } from "../../support/stored-keys";

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function bucketConfig() {
  const { storage } = getConfig();
  if (storage.driver !== "s3") throw new Error("the s3 project runs with STORAGE_DRIVER=s3");
  return storage;
}

async function readAll(key: string, range?: { start: number; end: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of getStorage().read(key, range)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("the S3 storage driver against a real S3 API (s3rver)", () => {
  test("stores a streamed body as its bytes (no aws-chunked framing), reads it whole and by range, stats and deletes it", async () => {
    const storage = getStorage();
    const key = `uploads/${randomUUID()}`;
    const chunks = Array.from({ length: 5 }, (_, index) => Buffer.from(`chunk ${index};`));

    expect(await storage.put(key, Readable.from(chunks))).toEqual({ size: Buffer.concat(chunks).length });

    expect((await readAll(key)).toString()).toBe("chunk 0;chunk 1;chunk 2;chunk 3;chunk 4;");
    expect((await readAll(key, { start: 8, end: 15 })).toString()).toBe("chunk 1;");
    expect(await storage.stat(key)).toEqual({ size: 40 });
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    await storage.delete(key); // deleting what is gone is no error
  });

  test("moves a local file in by multipart upload (the file is gone afterwards) with every byte intact", async () => {
    const bytes = randomBytes(19 * MiB); // three 8 MiB parts
    const path = join(tmpdir(), `s3-put-${randomUUID()}`);
    await writeFile(path, bytes);
    const key = `outputs/${randomUUID()}/0-0.mp4`;

    expect(await getStorage().putFile(key, path)).toEqual({ size: bytes.length });

    expect(existsSync(path)).toBe(false);
    expect(sha256(await readAll(key))).toBe(sha256(bytes));
    expect(await readAll(key, { start: 8 * MiB - 2, end: 8 * MiB + 1 })).toEqual(bytes.subarray(8 * MiB - 2, 8 * MiB + 2));
  });

  test("lends a temporary local copy for tools that need a path, removed afterwards; gone bytes are expired", async () => {
    const key = `uploads/${randomUUID()}`;
    await getStorage().put(key, Readable.from([Buffer.from("local copy")]));
    let copy = "";

    const read = await getStorage().withLocalFile(key, async (path) => {
      copy = path;
      expect(path.startsWith(join(getConfig().dataDir, "tmp"))).toBe(true);
      return readFile(path, "utf8");
    });

    expect(read).toBe("local copy");
    expect(existsSync(copy)).toBe(false);
    await expect(getStorage().withLocalFile(`uploads/${randomUUID()}`, async () => "never")).rejects.toMatchObject({ code: "expired" });
  });

  test("a read of a missing object fails its stream instead of hanging", async () => {
    await expect(text(getStorage().read(`uploads/${randomUUID()}`))).rejects.toThrow();
  });

  test("lists every key under a prefix across pages", async () => {
    const storage = s3Storage(bucketConfig(), { pageSize: 7 });
    const prefix = `outputs/${randomUUID()}/`;
    const keys = Array.from({ length: 25 }, (_, index) => `${prefix}${String(index).padStart(2, "0")}.webp`);
    await Promise.all(keys.map((key) => storage.put(key, Readable.from([Buffer.from(key)]))));

    const listed = [];
    for await (const object of storage.list(prefix)) listed.push(object);

    expect(listed.map((object) => object.key)).toEqual(keys);
    for (const object of listed) expect(Date.now() - object.modifiedAt.getTime()).toBeLessThan(60_000);
  });

  test("a failed upload rejects with its own error and leaves no object behind; the sweep of unfinished uploads copes with a store that cannot list them", async () => {
    const key = `uploads/${randomUUID()}`;
    async function* breaksAfterTwoParts() {
      for (let sent = 0; sent < 16 * MiB; sent += MiB) yield randomBytes(MiB);
      throw new Error("client went away");
    }

    await expect(getStorage().put(key, breaksAfterTwoParts())).rejects.toThrow("client went away");

    expect(await getStorage().stat(key)).toBeNull();
    // s3rver has no ListMultipartUploads: nothing to remove, and no error for the retention sweep.
    expect(await getStorage().removeUnfinishedWrites(new Date())).toBe(0);
  });

  test("the orphan sweep removes bytes no file row points at and keeps the rest", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeImage({ width: 64, height: 48 }));
    const kept = (await getDb().file.findUniqueOrThrow({ where: { id: fileId } })).storageKey;
    const orphans = [`uploads/${randomUUID()}`, `outputs/${randomUUID()}/1-0.mp4`, `thumbnails/${randomUUID()}.webp`];
    for (const key of orphans) await getStorage().put(key, Readable.from([Buffer.from("orphan")]));

    // Objects cannot be backdated in a bucket: a cut-off in the future makes them all old enough.
    await removeOrphanBytes({ olderThan: new Date(Date.now() + 60_000) });

    const left = [...(await storedKeys("uploads/")), ...(await storedKeys("outputs/")), ...(await storedKeys("thumbnails/"))];
    expect(left).toContain(kept);
    for (const key of orphans) expect(left).not.toContain(key);
  });
});
