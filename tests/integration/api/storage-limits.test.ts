import { rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage } from "../../support/media-fixtures";
import { makeNoiseImage } from "../../support/noise-image";
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from "../../support/small-disk";
import { storageOfDataDir, storedKeys } from "../../support/stored-keys";
import { startWebServer, type WebServer } from "../../support/web-server";

const MiB = 1024 * 1024;
const unavailable = smallDiskUnavailable();

const messages = {
  storage_full: { en: "The server is out of storage space right now. Please try again later.", zh: "服务器存储空间暂时不足，请稍后再试。" },
};

/**
 * A web server of its own whose data folder is a fresh 32 MiB disk: its files with local storage,
 * its temporary folder (where uploads are staged) with either driver.
 */
function serverOnSmallDisk(env: Record<string, string>) {
  const context = {} as { disk: SmallDisk; server: WebServer; uploads: () => Promise<string[]> };
  beforeAll(async () => {
    context.disk = mountSmallDisk(32);
    context.server = await startWebServer({
      DATABASE_URL: inject("databaseUrl"),
      DATA_DIR: context.disk.dir,
      SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters",
      MAX_UPLOAD_BYTES: String(24 * MiB),
      ...env,
    });
    context.uploads = () => storedKeys("uploads/", storageOfDataDir(context.disk.dir));
  });
  afterAll(async () => {
    await context.server?.stop();
    context.disk?.unmount();
  });
  return context;
}

let noise: string;
let small: string;

beforeAll(async () => {
  [noise, small] = await Promise.all([makeNoiseImage({ width: 1800, height: 1800 }), makeImage({ width: 320, height: 240, format: "jpg" })]);
});

describe.skipIf(unavailable)(`a visitor's quota and a full disk (${unavailable ?? "on a 32 MiB tmpfs"})`, () => {
  const quota = 20 * MiB;
  const context = serverOnSmallDisk({ MAX_STORED_BYTES_PER_VISITOR: String(quota), MIN_FREE_DISK_BYTES: "0" });

  it("reserves the quota as bytes arrive, so parallel uploads never store more than it (nor fill the disk)", async () => {
    const size = (await stat(noise)).size;
    const count = 8;
    expect(size * count).toBeGreaterThan(32 * MiB); // together they would not even fit on the disk
    const visitor = apiVisitor({ baseUrl: context.server.baseUrl });
    const { body: me } = await visitor.json("/api/me");
    const before = await context.uploads();

    const results = await Promise.all(Array.from({ length: count }, () => visitor.upload([{ path: noise }])));

    const accepted = results.filter((result) => result.status === 201);
    const refused = results.filter((result) => result.status !== 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const result of refused) expect([result.status, result.body.error.code]).toEqual([413, "storage_quota_exceeded"]);
    const rows = await getDb().file.findMany({ where: { visitorId: me.id } });
    expect(rows).toHaveLength(accepted.length);
    expect(rows.reduce((total, row) => total + Number(row.size), 0)).toBeLessThanOrEqual(quota);
    const added = (await context.uploads()).filter((key) => !before.includes(key));
    expect(added).toEqual(rows.map((row) => row.storageKey).sort());
    expect(await getDb().$queryRaw`SELECT id FROM storage_reservations WHERE visitor_id = ${me.id}`).toEqual([]);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`answers 507 storage_full when the disk fills mid-upload, keeps nothing, and takes uploads again once space is freed (${locale})`, async () => {
      const visitor = apiVisitor({ baseUrl: context.server.baseUrl, locale });
      const before = await context.uploads();
      const filler = await context.disk.fill(2 * MiB);

      const { status, body } = await visitor.upload([{ path: noise }]);

      expect(status).toBe(507);
      expect(body.error).toEqual({ code: "storage_full", message: messages.storage_full[locale] });
      expect(await context.uploads()).toEqual(before);
      await rm(filler);
      const retry = await visitor.upload([{ path: noise }]);
      expect(retry.status).toBe(201);
      await visitor.request(`/api/files/${retry.body.files[0].id}`, { method: "DELETE" });
    });
  }
});

describe.skipIf(unavailable)(`the free-disk floor (${unavailable ?? "on a 32 MiB tmpfs"})`, () => {
  const floor = 16 * MiB;
  const context = serverOnSmallDisk({ MIN_FREE_DISK_BYTES: String(floor) });

  it("stops an upload that would bring free space under the floor, deleting the partial file", async () => {
    const visitor = apiVisitor({ baseUrl: context.server.baseUrl });
    expect((await visitor.upload([{ path: small }])).status).toBe(201);
    const before = await context.uploads();
    // Refused while streaming, long before its content could be judged.
    const big = join(tmpdir(), "over-the-floor.bin");
    await writeFile(big, Buffer.alloc(20 * MiB, 1));
    expect(20 * MiB).toBeGreaterThan((await context.disk.freeBytes()) - floor);

    const { status, body } = await visitor.upload([{ path: big }]);

    expect(status).toBe(507);
    expect(body.error.code).toBe("storage_full");
    expect(await context.uploads()).toEqual(before);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses uploads with 507 storage_full before writing anything while free space is under the floor (${locale})`, async () => {
      const filler = await context.disk.fill(floor - 4 * MiB);
      try {
        const before = await context.uploads();
        const { status, body } = await apiVisitor({ baseUrl: context.server.baseUrl, locale }).upload([{ path: small }]);
        expect(status).toBe(507);
        expect(body.error).toEqual({ code: "storage_full", message: messages.storage_full[locale] });
        expect(await context.uploads()).toEqual(before);
      } finally {
        await rm(filler);
      }
    });
  }
});
