import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
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
});
