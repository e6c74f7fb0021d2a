import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { reserveStorage } from "@/lib/files/visitor-storage";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";

const GiB = 1024 ** 3;
let image: string;

beforeAll(async () => {
  image = await makeImage({ width: 320, height: 240, format: "jpg" });
});

/** Space held for one of the visitor's uploads, as an upload in flight (or a crashed one) leaves it. */
async function reserve(visitorId: string, bytes: number, expiresInSeconds: number): Promise<void> {
  await getDb().$executeRaw`
    INSERT INTO storage_reservations (id, visitor_id, bytes, expires_at)
    VALUES (${randomUUID()}, ${visitorId}, ${bytes}, now() AT TIME ZONE 'UTC' + make_interval(secs => ${expiresInSeconds}))`;
}

describe("storage reserved by uploads in flight", () => {
  it("counts against the quota while it is live", async () => {
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    await reserve(me.id, 10 * GiB, 600);

    const { status, body } = await visitor.upload([{ path: image }]);

    expect(status).toBe(413);
    expect(body.error.code).toBe("storage_quota_exceeded");
  });

  it("stops counting once lapsed (its upload crashed) and is then removed", async () => {
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    await reserve(me.id, 10 * GiB, -1);

    const { status } = await visitor.upload([{ path: image }]);

    expect(status).toBe(201);
    expect(await getDb().$queryRaw`SELECT id FROM storage_reservations WHERE visitor_id = ${me.id}`).toEqual([]);
  });

  it("waits for a connection while a burst of uploads holds them all, instead of failing the upload", async () => {
    const { body: me } = await apiVisitor().json("/api/me");
    // Every connection of the process's pool (10) busy for longer than Prisma's default 2 s wait to start a transaction.
    const busy = Array.from({ length: 10 }, () => getDb().$executeRaw`SELECT pg_sleep(3)`.then(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expect(reserveStorage({ visitorId: me.id, reservationId: randomUUID(), bytes: 1024 })).resolves.toBe(true);
    await Promise.all(busy);
  });
});
