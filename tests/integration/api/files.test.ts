import { readFile, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";

let owner: ApiVisitor;
let videoPath: string;
let videoId: string;

beforeAll(async () => {
  videoPath = await makeVideo({ seconds: 1 });
  owner = apiVisitor();
  const { body } = await owner.upload([{ path: videoPath, name: "clip.mp4" }]);
  videoId = body.files[0].id;
});

describe("GET /api/files/:id", () => {
  it("returns the visitor's file", async () => {
    const { status, body } = await owner.json(`/api/files/${videoId}`);
    expect(status).toBe(200);
    expect(body.file).toMatchObject({ id: videoId, name: "clip.mp4", kind: "video" });
  });

  for (const locale of ["en", "zh"] as const) {
    it(`hides another visitor's files and unknown ids behind 404 on every file endpoint (${locale})`, async () => {
      const stranger = apiVisitor({ locale });
      for (const id of [videoId, "no-such-file"]) {
        for (const [method, path] of [["GET", ""], ["GET", "/content"], ["GET", "/thumbnail"], ["DELETE", ""]] as const) {
          const { status, body } = await stranger.json(`/api/files/${id}${path}`, { method });
          expect(status, `${method} ${path}`).toBe(404);
          expect(body.error).toEqual({ code: "not_found", message: locale === "en" ? "Not found." : "未找到。" });
        }
      }
    });
  }
});

describe("GET /api/files/:id/content", () => {
  it("streams the bytes with length, type, ranges and caching headers", async () => {
    const response = await owner.request(`/api/files/${videoId}/content`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(await readFile(videoPath))).toBe(true);
    expect(response.headers.get("content-length")).toBe(String((await stat(videoPath)).size));
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("cache-control")).toContain("private");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="clip.mp4"; filename*=UTF-8''clip.mp4`);
    const again = await owner.request(`/api/files/${videoId}/content`, { headers: { "if-none-match": response.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers Range requests with 206 and Content-Range", async () => {
    const whole = await readFile(videoPath);
    for (const [range, start, end] of [["bytes=0-99", 0, 99], ["bytes=100-", 100, whole.length - 1], ["bytes=-50", whole.length - 50, whole.length - 1]] as const) {
      const response = await owner.request(`/api/files/${videoId}/content`, { headers: { range } });
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${whole.length}`);
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers an unsatisfiable range with 416", async () => {
    const size = (await stat(videoPath)).size;
    const response = await owner.request(`/api/files/${videoId}/content`, { headers: { range: `bytes=${size + 10}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${size}`);
    expect((await response.json()).error.code).toBe("range_not_satisfiable");
  });

  for (const locale of ["en", "zh"] as const) {
    it(`answers 410 once the file has expired (${locale})`, async () => {
      const visitor = apiVisitor({ locale });
      const { body } = await visitor.upload([{ path: videoPath }]);
      await getDb().file.update({ where: { id: body.files[0].id }, data: { expiredAt: new Date() } });
      const { status, body: error } = await visitor.json(`/api/files/${body.files[0].id}/content`);
      expect(status).toBe(410);
      expect(error.error).toEqual({ code: "expired", message: locale === "en" ? "This file has expired and was deleted." : "该文件已过期并被删除。" });
    });
  }
});

describe("GET /api/files/:id/thumbnail", () => {
  it("is 404 until the thumbnail exists, then serves WebP", async () => {
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: await makeImage({ width: 64, height: 48 }) }]);
    const fileId = body.files[0].id;
    expect((await visitor.json(`/api/files/${fileId}/thumbnail`)).status).toBe(404);
    const webp = await readFile(await makeImage({ width: 32, height: 24, format: "webp" }));
    await getStorage().put(`thumbnails/${fileId}`, Readable.from([webp]));
    await getDb().file.update({ where: { id: fileId }, data: { thumbnailKey: `thumbnails/${fileId}` } });
    expect((await visitor.json(`/api/files/${fileId}`)).body.file.thumbnailUrl).toBe(`/api/files/${fileId}/thumbnail`);
    const response = await visitor.request(`/api/files/${fileId}/thumbnail`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await response.arrayBuffer()).equals(webp)).toBe(true);
  });
});

describe("DELETE /api/files/:id", () => {
  it("deletes the file and its bytes", async () => {
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: videoPath }]);
    const file = await getDb().file.findUniqueOrThrow({ where: { id: body.files[0].id } });
    const response = await visitor.request(`/api/files/${file.id}`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await getStorage().stat(file.storageKey)).toBeNull();
    expect((await visitor.json(`/api/files/${file.id}`)).status).toBe(404);
  });

  it("refuses with 409 while an unfinished task uses the file", async () => {
    const visitor = apiVisitor({ locale: "zh" });
    const { body } = await visitor.upload([{ path: videoPath }]);
    const fileId = body.files[0].id;
    expect((await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [fileId] } })).status).toBe(202);
    const { status, body: error } = await visitor.json(`/api/files/${fileId}`, { method: "DELETE" });
    expect(status).toBe(409);
    expect(error.error).toEqual({ code: "conflict", message: "任务当前的状态不允许此操作。" });
  });
});

describe("DELETE /api/files/:id after a finished task used it", () => {
  it("removes the bytes but keeps the file listed on the task, as expired", async () => {
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: videoPath }]);
    const fileId = body.files[0].id;
    const { body: created } = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [fileId] } });
    await getDb().task.update({ where: { id: created.task.id }, data: { status: "completed", finishedAt: new Date() } });
    expect((await visitor.request(`/api/files/${fileId}`, { method: "DELETE" })).status).toBe(204);
    expect((await visitor.json(`/api/files/${fileId}/content`)).status).toBe(410);
    expect((await visitor.json(`/api/tasks/${created.task.id}`)).body.task.inputs[0].id).toBe(fileId);
  });
});
