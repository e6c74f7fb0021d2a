import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { sweepExpiredFiles } from "@/lib/retention/sweep-expired-files";
import { getStorage } from "@/lib/storage/get-storage";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";

describe("retention sweep", () => {
  test("deletes the bytes and thumbnail of expired files and marks them, leaving current files alone", async () => {
    const db = getDb();
    const storage = getStorage();
    const visitorId = await createVisitor();
    const image = await makeImage({ width: 64, height: 48 });
    const expiredId = await storeUpload(visitorId, image);
    const currentId = await storeUpload(visitorId, image);
    const thumbnailKey = `thumbnails/${expiredId}.webp`;
    await storage.put(thumbnailKey, Readable.from([Buffer.from("webp")]));
    const expired = await db.file.update({
      where: { id: expiredId },
      data: { expiresAt: new Date(Date.now() - 1000), thumbnailKey },
    });

    expect(await sweepExpiredFiles()).toBeGreaterThanOrEqual(1);

    expect(await storage.stat(expired.storageKey)).toBeNull();
    expect(await storage.stat(thumbnailKey)).toBeNull();
    expect((await db.file.findUniqueOrThrow({ where: { id: expiredId } })).expiredAt).toBeInstanceOf(Date);
    const current = await db.file.findUniqueOrThrow({ where: { id: currentId } });
    expect(current.expiredAt).toBeNull();
    expect(await storage.stat(current.storageKey)).not.toBeNull();
    expect(await sweepExpiredFiles()).toBe(0);
  });
});
