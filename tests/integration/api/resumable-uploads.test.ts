import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";
import { makeVideo } from "../../support/media-fixtures";
import { TEST_MAX_UPLOAD_BYTES } from "../../support/test-limits";
import { tusRequests } from "../../support/tus-requests";

const GiB = 1024 ** 3;
let video: Buffer;

beforeAll(async () => {
  video = await readFile(await makeVideo({ seconds: 2, width: 320, height: 240 }));
});

/** The ids of unfinished uploads the server keeps in its own folder. */
async function unfinishedUploads(): Promise<string[]> {
  const names = await readdir(join(inject("dataDir"), "tus")).catch(() => []);
  return names.filter((name) => !name.endsWith(".json"));
}

async function reservationOf(uploadId: string) {
  return getDb().storageReservation.findUnique({ where: { id: uploadId } });
}

/** A new upload of `length` bytes by a new visitor: its tus requests and its URL. */
async function startUpload(length = video.length) {
  const visitor = apiVisitor();
  const tus = tusRequests(visitor);
  const created = await tus.create({ length });
  expect(created.status).toBe(201);
  return { visitor, tus, location: created.headers.get("location")! };
}

describe("resumable uploads (tus 1.0.0)", () => {
  it("creates an upload, takes it in parts, resumes from the offset and makes the file with the upload's id", async () => {
    const visitor = apiVisitor();
    const tus = tusRequests(visitor);
    const created = await tus.create({ length: video.length, filename: "holiday.mp4" });
    expect(created.status).toBe(201);
    expect(created.headers.get("tus-resumable")).toBe("1.0.0");
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/api\/uploads\/tus\/[0-9a-f-]{36}$/);
    const expires = Date.parse(created.headers.get("upload-expires")!);
    expect(expires).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(expires).toBeLessThan(Date.now() + 25 * 3600_000);
    const id = location.split("/").pop()!;
    expect(await unfinishedUploads()).toContain(id);

    const half = Math.floor(video.length / 2);
    const first = await tus.patch(location, 0, video.subarray(0, half));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe(String(half));
    expect(first.headers.get("upload-expires")).not.toBeNull();

    // A client that lost the connection asks where to go on.
    const head = await tus.head(location);
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe(String(half));
    expect(head.headers.get("upload-length")).toBe(String(video.length));
    expect(head.headers.get("cache-control")).toBe("no-store");

    const last = await tus.patch(location, half, video.subarray(half));
    expect(last.status).toBe(204);
    expect(last.headers.get("upload-offset")).toBe(String(video.length));
    expect(last.headers.get("upload-expires")).toBeNull();

    const { status, body } = await visitor.json(`/api/files/${id}`);
    expect(status).toBe(200);
    expect(body.file).toMatchObject({ id, name: "holiday.mp4", size: video.length, kind: "video", width: 320, height: 240 });
    const download = await visitor.request(`/api/files/${id}/content`);
    expect(Buffer.from(await download.arrayBuffer()).equals(video)).toBe(true);
    expect(await unfinishedUploads()).not.toContain(id);
    expect(await reservationOf(id)).toBeNull();
    expect((await tus.head(location)).status).toBe(404);
  });

  it("takes a whole small file in the creating request (creation-with-upload)", async () => {
    const visitor = apiVisitor();
    const created = await tusRequests(visitor).create({ length: video.length, body: video });
    expect(created.status).toBe(201);
    expect(created.headers.get("upload-offset")).toBe(String(video.length));
    const id = created.headers.get("location")!.split("/").pop();
    expect((await visitor.json(`/api/files/${id}`)).body.file).toMatchObject({ id, size: video.length, kind: "video" });
  });

  it("refuses a PATCH at the wrong offset with 409 and keeps the bytes it has", async () => {
    const { tus, location } = await startUpload();
    await tus.patch(location, 0, video.subarray(0, 1000));
    const wrong = await tus.patch(location, 500, video.subarray(500, 2000));
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error.code).toBe("conflict");
    expect((await tus.head(location)).headers.get("upload-offset")).toBe("1000");
  });

  it("never writes past Upload-Length", async () => {
    const { tus, location } = await startUpload(1000);
    const tooMuch = await tus.patch(location, 0, video.subarray(0, 2000));
    expect(tooMuch.status).toBe(413);
    expect((await tus.head(location)).headers.get("upload-offset")).toBe("0");
  });

  it("answers 404 to another visitor, for every method, and leaves the upload alone", async () => {
    const { tus, location } = await startUpload();
    await tus.patch(location, 0, video.subarray(0, 1000));
    const stranger = tusRequests(apiVisitor({ locale: "zh" }));
    expect((await stranger.head(location)).status).toBe(404);
    for (const response of [await stranger.patch(location, 1000, video.subarray(1000, 2000)), await stranger.terminate(location)]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatchObject({ code: "not_found", message: expect.any(String) });
    }
    const unknown = await stranger.patch(`/api/uploads/tus/${randomUUID()}`, 0, video.subarray(0, 10));
    expect((await unknown.json()).error.code).toBe("not_found");
    expect((await tus.head(location)).headers.get("upload-offset")).toBe("1000");
  });

  it("refuses an upload longer than the per-file limit or the quota with 413 before storing anything", async () => {
    const visitor = apiVisitor();
    const tus = tusRequests(visitor);
    const before = await unfinishedUploads();
    const tooLarge = await tus.create({ length: TEST_MAX_UPLOAD_BYTES + 1 });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("file_too_large");

    const { body: me } = await visitor.json("/api/me");
    await getDb().$executeRaw`
      INSERT INTO storage_reservations (id, visitor_id, bytes, expires_at)
      VALUES (${randomUUID()}, ${me.id}, ${10 * GiB - 1000}, now() AT TIME ZONE 'UTC' + interval '10 minutes')`;
    const overQuota = await tus.create({ length: 2000 });
    expect(overQuota.status).toBe(413);
    expect((await overQuota.json()).error.code).toBe("storage_quota_exceeded");
    expect(await unfinishedUploads()).toEqual(before);
  });

  it("reserves the whole length against the quota while the upload is unfinished", async () => {
    const { location } = await startUpload(5000);
    const reservation = await reservationOf(location.split("/").pop()!);
    expect(Number(reservation?.bytes)).toBe(5000);
  });

  it("refuses content that is not a video or image on the last PATCH with 415, and deletes the bytes", async () => {
    const text = Buffer.from("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://example.com/a.ts\n#EXT-X-ENDLIST\n");
    const { visitor, tus, location } = await startUpload(text.length);
    const id = location.split("/").pop()!;
    const last = await tus.patch(location, 0, text);
    expect(last.status).toBe(415);
    expect(last.headers.get("tus-resumable")).toBe("1.0.0");
    expect((await last.json()).error.code).toBe("unsupported_media");
    expect(await unfinishedUploads()).not.toContain(id);
    expect(await reservationOf(id)).toBeNull();
    expect((await visitor.json(`/api/files/${id}`)).status).toBe(404);
    expect((await tus.head(location)).status).toBe(404);
  });

  it("terminates an upload with DELETE: 204, the bytes and the reservation gone", async () => {
    const { tus, location } = await startUpload();
    const id = location.split("/").pop()!;
    await tus.patch(location, 0, video.subarray(0, 1000));
    const terminated = await tus.terminate(location);
    expect(terminated.status).toBe(204);
    expect(await unfinishedUploads()).not.toContain(id);
    expect(await reservationOf(id)).toBeNull();
    expect((await tus.head(location)).status).toBe(404);
  });

  it("tells clients the protocol version and extensions", async () => {
    const response = await apiVisitor().request("/api/uploads/tus", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("tus-version")).toBe("1.0.0");
    expect(response.headers.get("tus-extension")?.split(",")).toEqual(["creation", "creation-with-upload", "termination", "expiration"]);
    expect(response.headers.get("tus-max-size")).toBe(String(TEST_MAX_UPLOAD_BYTES));
  });
});
