import { readFile, stat, truncate, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { TEST_MAX_UPLOAD_BYTES } from "../../support/test-limits";
import { storedKeys } from "../../support/stored-keys";

const baseUrl = inject("baseUrl");

const storedUploads = () => storedKeys("uploads/");

let video: string;
let image: string;

beforeAll(async () => {
  [video, image] = await Promise.all([makeVideo({ seconds: 2, width: 320, height: 240 }), makeImage({ width: 640, height: 480, format: "jpg" })]);
});

describe("POST /api/uploads", () => {
  it("stores a video and an image, judged by content, and queues their thumbnails", async () => {
    const visitor = apiVisitor();
    const { status, body } = await visitor.upload([{ path: video, name: "clip.mp4" }, { path: image, name: "photo.jpg" }]);
    expect(status).toBe(201);
    expect(body.files).toHaveLength(2);
    const [clip, photo] = body.files;
    expect(clip).toMatchObject({ name: "clip.mp4", size: (await stat(video)).size, mime: "video/mp4", kind: "video", width: 320, height: 240, thumbnailUrl: null });
    expect(clip.durationSec).toBeGreaterThan(1.5);
    expect(photo).toMatchObject({ name: "photo.jpg", mime: "image/jpeg", kind: "image", width: 640, height: 480, durationSec: null });
    expect(Date.parse(clip.expiresAt)).toBeGreaterThan(Date.parse(clip.createdAt));
    const row = await getDb().file.findUniqueOrThrow({ where: { id: clip.id } });
    expect(row).toMatchObject({ videoCodec: "h264", audioCodec: "aac", frameRate: 25, origin: "upload" });
    const jobs = await getDb().$queryRaw<{ data: { fileId: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'file-thumbnail'`;
    expect(jobs.map((job) => job.data.fileId)).toEqual(expect.arrayContaining([clip.id, photo.id]));
  });

  it("decides the kind by content, not by the name", async () => {
    const { status, body } = await apiVisitor().upload([{ path: image, name: "really-a-picture.mp4" }]);
    expect(status).toBe(201);
    expect(body.files[0]).toMatchObject({ kind: "image", mime: "image/jpeg", name: "really-a-picture.mp4" });
  });

  it("keeps Unicode file names for display and download", async () => {
    const name = "我的视频 — été 🎬.mp4";
    const visitor = apiVisitor();
    const { body } = await visitor.upload([{ path: video, name }]);
    expect(body.files[0].name).toBe(name);
    const response = await visitor.request(`/api/files/${body.files[0].id}/content`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="ete .mp4"; filename*=UTF-8''${encodeURIComponent(name)}`);
    await response.arrayBuffer();
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses disguised, zero-byte and truncated files with 415 and keeps nothing (${locale})`, async () => {
      const dir = tmpdir();
      const text = join(dir, `notes-${locale}.mp4`);
      await writeFile(text, "This is just some text pretending to be a video.\n".repeat(50));
      const empty = join(dir, `empty-${locale}.mp4`);
      await writeFile(empty, "");
      const cut = join(dir, `cut-${locale}.mp4`);
      await copyFile(video, cut);
      await truncate(cut, Math.floor((await stat(video)).size / 2));
      const cutImage = join(dir, `cut-${locale}.jpg`);
      await writeFile(cutImage, (await readFile(image)).subarray(0, 2000));
      const before = await storedUploads();
      for (const path of [text, empty, cut, cutImage]) {
        const visitor = apiVisitor({ locale });
        const { status, body } = await visitor.upload([{ path: video }, { path }]);
        expect(status, path).toBe(415);
        expect(body.error.code).toBe("unsupported_media");
        expect(body.error.message).toBe(locale === "en" ? "This file is not a video or image we can read." : "无法识别该文件，它不是我们能读取的视频或图片。");
        const { body: me } = await visitor.json("/api/me");
        expect(await getDb().file.count({ where: { visitorId: me.id } })).toBe(0);
      }
      expect(await storedUploads()).toEqual(before);
    });
  }

  for (const locale of ["en", "zh"] as const) {
    it(`stops an oversized file with 413 and deletes the partial file (${locale})`, async () => {
      const big = join(tmpdir(), `big-${locale}.bin`);
      await writeFile(big, Buffer.alloc(TEST_MAX_UPLOAD_BYTES + 1024 * 1024, 7));
      const before = await storedUploads();
      const { status, body } = await apiVisitor({ locale }).upload([{ path: big }]);
      expect(status).toBe(413);
      expect(body.error.code).toBe("file_too_large");
      expect(body.error.message).toBe(locale === "en" ? "The file is larger than the 8 MB limit." : "文件超过了 8 MB 的大小限制。");
      expect(await storedUploads()).toEqual(before);
    });
  }

  it("refuses more files than allowed in one request with 413", async () => {
    const { status, body } = await apiVisitor().upload(Array.from({ length: 11 }, () => ({ path: image })));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: "too_many_files", message: "Upload at most 10 files at a time." });
  });

  it("refuses uploads past the visitor's storage quota with 413", async () => {
    const visitor = apiVisitor({ locale: "zh" });
    const { body: me } = await visitor.json("/api/me");
    await getDb().file.create({
      data: { visitorId: me.id, origin: "upload", name: "huge.mp4", size: 10n * 1024n ** 3n, mime: "video/mp4", kind: "video", width: 1, height: 1, storageKey: `uploads/quota-${me.id}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const { status, body } = await visitor.upload([{ path: image }]);
    expect(status).toBe(413);
    expect(body.error.code).toBe("storage_quota_exceeded");
    expect(body.error.message).toContain("10 GB");
  });

  it("answers 400 for bodies without files or that are not multipart", async () => {
    const visitor = apiVisitor();
    const form = new FormData();
    form.append("note", "no file here");
    const noFile = await visitor.request("/api/uploads", { method: "POST", body: form });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.code).toBe("no_file");
    const json = await visitor.json("/api/uploads", { method: "POST", body: { file: "x" } });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe("bad_request");
  });

  it("answers 400 for a multipart body cut off mid-file", async () => {
    const boundary = "----clipcleanboundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), (await readFile(video)).subarray(0, 5000)]);
    const response = await fetch(`${baseUrl}/api/uploads`, { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });
});
