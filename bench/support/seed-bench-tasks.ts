import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { getDb } from "../../lib/db";
import { getStorage } from "../../lib/storage/get-storage";

/** `visitors` visitors, each with one stored PNG upload; returns [visitorId, fileId] pairs. */
export async function seedVisitorsWithImage(visitors: number, imagePath: string): Promise<[string, string][]> {
  const db = getDb();
  const pairs: [string, string][] = [];
  const expiresAt = new Date(Date.now() + 86_400_000);
  for (let index = 0; index < visitors; index += 1) {
    const visitor = await db.visitor.create({ data: {} });
    const storageKey = `uploads/${randomUUID()}`;
    const { size } = await getStorage().put(storageKey, createReadStream(imagePath));
    const file = await db.file.create({
      data: {
        visitorId: visitor.id, origin: "upload", name: "bench.png", size: BigInt(size), mime: "image/png", kind: "image",
        width: 64, height: 48, storageKey, expiresAt,
      },
    });
    pairs.push([visitor.id, file.id]);
  }
  return pairs;
}
