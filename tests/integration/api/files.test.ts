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

describe("GET /api/files and usage on GET /api/me", () => {
  it("lists the caller's uploads and results newest first, with filters, pages, origin and the task that made a result", async () => {
    const imagePath = await makeImage({ width: 40, height: 30 });
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    expect(me.usage).toEqual({ storedBytes: 0, quotaBytes: 10 * 1024 ** 3 });
    const video = (await visitor.upload([{ path: videoPath, name: "片段.mp4" }])).body.files[0];
    const image = (await visitor.upload([{ path: imagePath, name: "still.png" }])).body.files[0];
    const { body: created } = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [image.id] } });
    const taskId = created.task.id;
    await getDb().task.update({ where: { id: taskId }, data: { status: "completed", finishedAt: new Date() } });
    await getStorage().put(`outputs/list-${taskId}`, Readable.from([Buffer.from("0123456789")]));
    await getDb().file.create({
      data: { visitorId: me.id, origin: "output", taskId, name: "still-thumb.webp", size: 10, mime: "image/webp", kind: "image", width: 32, height: 24, storageKey: `outputs/list-${taskId}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await apiVisitor().upload([{ path: imagePath, name: "theirs.png" }]);

    const names = async (query = "") => {
      const { status, body } = await visitor.json(`/api/files${query}`);
      expect(status, query).toBe(200);
      return body.files.map((file: { name: string }) => file.name);
    };
    const all = await visitor.json("/api/files");
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(all.body.files.map((file: { name: string; origin: string; taskId: string | null }) => [file.name, file.origin, file.taskId])).toEqual([
      ["still-thumb.webp", "output", taskId],
      ["still.png", "upload", null],
      ["片段.mp4", "upload", null],
    ]);
    expect(all.body.files[2]).toEqual((await visitor.json(`/api/files/${video.id}`)).body.file);
    expect(await names("?page=2&pageSize=2")).toEqual(["片段.mp4"]);
    expect(await names("?kind=image")).toEqual(["still-thumb.webp", "still.png"]);
    expect(await names("?kind=video&origin=")).toEqual(["片段.mp4"]);
    expect(await names("?origin=output")).toEqual(["still-thumb.webp"]);
    expect(await names("?origin=upload&kind=image")).toEqual(["still.png"]);
    const sizes = all.body.files.reduce((sum: number, file: { size: number }) => sum + file.size, 0);
    expect((await visitor.json("/api/me")).body.usage).toEqual({ storedBytes: sizes, quotaBytes: 10 * 1024 ** 3 });

    for (const [query, field] of [["?kind=audio", "kind"], ["?origin=made", "origin"], ["?page=0", "page"], ["?pageSize=101", "pageSize"], ["?page=two", "page"]]) {
      for (const locale of ["en", "zh"] as const) {
        const refused = await visitor.json(`/api/files${query}&locale=${locale}`);
        expect(refused.status, query).toBe(400);
        expect(refused.body.error).toEqual({ code: "invalid_params", field, message: locale === "en" ? "Some of the values are not valid." : "部分参数无效。" });
      }
    }

    // A file the visitor deleted leaves the list and the usage, even while a finished task still names it.
    expect((await visitor.request(`/api/files/${image.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await names()).toEqual(["still-thumb.webp", "片段.mp4"]);
    expect((await visitor.json("/api/me")).body.usage.storedBytes).toBe(sizes - image.size);
    expect((await apiVisitor().json("/api/files")).body).toEqual({ files: [], page: 1, pageSize: 20, total: 0 });
  });
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
