import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { previewWatermarkRemoval } from "@/lib/media/preview-watermark-removal";
import { probeMedia } from "@/lib/media/probe-media";
import { previewViewSchema } from "@/lib/previews/preview-view";
import { removeOrphanBytes } from "@/lib/retention/remove-orphan-bytes";
import { sweepLifecycle } from "@/lib/retention/sweep-lifecycle";
import { getStorage } from "@/lib/storage/get-storage";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { meanLumaDifference, type GrayFrame, type Rect } from "../../support/frame-luma";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { storeUpload } from "../../support/seed-tasks";
import { waitForTaskEnd } from "../../support/run-task-to-end";
import { waitFor } from "../../support/wait-for";
import { makeWatermarkedClip, markTruth, textMark } from "../../support/watermark-clips";
import { withWorker } from "../../support/with-worker";

withWorker();

const size = { width: 320, height: 240 };
const region: Rect = { x: 120, y: 90, width: 80, height: 60 };
let videoPath: string;
let imagePath: string;

beforeAll(async () => {
  [videoPath, imagePath] = await Promise.all([makeVideo({ seconds: 4, ...size, audio: false }), makeImage({ width: 100, height: 80 })]);
});

async function visitorWithUploads(locale?: "en" | "zh") {
  const visitor = apiVisitor({ locale });
  const { body } = await visitor.upload([{ path: videoPath }, { path: imagePath }]);
  const [video, image] = body.files as [{ id: string }, { id: string }];
  return { visitor, video, image };
}

const askPreview = (visitor: ApiVisitor, fileId: string, body: unknown) => visitor.json(`/api/files/${fileId}/previews`, { method: "POST", body });

async function readyPreview(visitor: ApiVisitor, previewId: string) {
  return waitFor(
    async () => {
      const { body } = await visitor.json(`/api/previews/${previewId}`);
      const preview = previewViewSchema.parse(body.preview);
      return preview.status === "pending" ? undefined : preview;
    },
    { what: "the preview", timeoutMs: 30_000 },
  );
}

async function webpFrame(response: Response): Promise<GrayFrame> {
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer())).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: data };
}

describe("watermark previews", () => {
  test("show one frame before and after removal, the rest of the frame untouched, to the owner only", async () => {
    const { visitor, video } = await visitorWithUploads();
    const started = Date.now();
    const asked = await askPreview(visitor, video.id, { regions: [region], method: "delogo", atSecond: 1.5 });
    expect(asked.status).toBe(202);
    expect(asked.body.preview).toMatchObject({ status: "pending", atSecond: 1.5, beforeUrl: null, afterUrl: null, error: null });
    const preview = await readyPreview(visitor, asked.body.preview.id);
    console.info(`preview of a ${size.width}×${size.height} clip ready in ${Date.now() - started} ms`);
    expect(preview).toMatchObject({ status: "ready", atSecond: 1.5, error: null });

    const [before, after] = await Promise.all([visitor.request(preview.beforeUrl!), visitor.request(preview.afterUrl!)]);
    for (const image of [before, after]) {
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/webp");
      expect(image.headers.get("cache-control")).toMatch(/^private/);
    }
    const [beforeFrame, afterFrame] = [await webpFrame(before), await webpFrame(after)];
    expect([beforeFrame.width, beforeFrame.height, afterFrame.width, afterFrame.height]).toEqual([320, 240, 320, 240]);
    expect(meanLumaDifference(beforeFrame, afterFrame, region, "inside")).toBeGreaterThan(8);
    const grown = { x: region.x - 6, y: region.y - 6, width: region.width + 12, height: region.height + 12 };
    expect(meanLumaDifference(beforeFrame, afterFrame, grown, "outside")).toBeLessThan(1.5);

    const stranger = apiVisitor();
    await stranger.json("/api/me");
    expect((await stranger.json(`/api/previews/${preview.id}`)).status).toBe(404);
    expect((await stranger.request(preview.afterUrl!)).status).toBe(404);
    expect((await askPreview(stranger, video.id, { regions: [region] })).status).toBe(404);
  });

  test("show restore as the task does it: the matte learnt from the video, the frame matching the task's own output", async () => {
    const mark = textMark({ text: "@preview_mark", x: "w-tw-40", y: 24, size: 30, opacity: 0.6 });
    const clip = await makeWatermarkedClip({ background: "scrolled-testsrc", marks: [mark], seconds: 4 });
    const truth = await markTruth(mark, { width: 640, height: 360 });
    const box = { x: Math.floor(truth.x) - 4, y: Math.floor(truth.y) - 4, width: Math.ceil(truth.width) + 8, height: Math.ceil(truth.height) + 8 };
    const visitor = apiVisitor();
    const video = (await visitor.upload([{ path: clip }])).body.files[0] as { id: string };
    const task = await visitor.json("/api/tasks", { method: "POST", body: { type: "watermark", inputs: [video.id], params: { regions: [box], method: "restore" } } });
    const asked = await Promise.all(["restore", "delogo"].map((method) => askPreview(visitor, video.id, { regions: [box], method, atSecond: 2 })));
    expect(asked.map(({ status, body }) => [status, body.error?.code ?? null]), JSON.stringify(asked.map(({ body }) => body))).toEqual([[202, null], [202, null]]);
    const [restored, delogo] = (await Promise.all(asked.map(async ({ body }) => webpFrame(await visitor.request((await readyPreview(visitor, body.preview.id)).afterUrl!))))) as [GrayFrame, GrayFrame];
    const ended = await waitForTaskEnd(task.body.task.id, 90_000);
    expect(ended.status).toBe("completed");
    // The task's own frame at that moment, decoded the way a preview decodes it.
    const output = (await visitor.json(`/api/tasks/${task.body.task.id}`)).body.task.outputs[0] as { id: string };
    const saved = join(await mkdtemp(join(tmpdir(), "clipclean-preview-")), "output.mp4");
    await writeFile(saved, Readable.fromWeb((await visitor.request(`/api/files/${output.id}/content`)).body! as never));
    const outputInfo = await probeMedia(saved);
    if (outputInfo.kind !== "video") throw new Error("the task's output should be a video");
    const frames = await previewWatermarkRemoval({ inputPath: saved, info: outputInfo, regions: [], method: "delogo", atSecond: 2, workDir: dirname(saved), signal: new AbortController().signal });
    const taskFrame = await webpFrame(new Response(await readFile(frames.afterPath)));
    const fromRestore = meanLumaDifference(restored, taskFrame, box, "inside");
    expect(fromRestore, "restore's preview is what the task made").toBeLessThan(2);
    expect(fromRestore, "closer than delogo standing in for it").toBeLessThan(0.6 * meanLumaDifference(delogo, taskFrame, box, "inside"));
  }, 120_000);

  test("default to the middle of the video and run what the task would for a region's time span", async () => {
    const { visitor, video } = await visitorWithUploads();
    const asked = await askPreview(visitor, video.id, { regions: [{ ...region, fromSecond: 3, toSecond: null }], method: "blur" });
    expect(asked.body.preview.atSecond).toBeCloseTo(2, 1);
    const preview = await readyPreview(visitor, asked.body.preview.id);
    const [before, after] = [await webpFrame(await visitor.request(preview.beforeUrl!)), await webpFrame(await visitor.request(preview.afterUrl!))];
    expect(meanLumaDifference(before, after, region, "inside"), "the region is removed only from second 3 on").toBeLessThan(1.5);
  });

  for (const locale of ["en", "zh"] as const) {
    test(`refuse a moment outside the video, regions outside the frame and images with a localized 400 (${locale})`, async () => {
      const { visitor, video, image } = await visitorWithUploads(locale);
      const cases: [string, unknown, string][] = [
        [video.id, { regions: [region], atSecond: 4 }, "atSecond"],
        [video.id, { regions: [region], atSecond: -1 }, "atSecond"],
        [video.id, { regions: [{ ...region, x: 300 }] }, "regions.0"],
        [video.id, { regions: [] }, "regions"],
        [image.id, { regions: [region] }, "fileId"],
      ];
      for (const [fileId, body, field] of cases) {
        const refused = await askPreview(visitor, fileId, body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(refused.body.error).toMatchObject({ code: "invalid_params", field });
        expect(refused.body.error.message).toMatch(locale === "zh" ? /[\u4e00-\u9fff]/ : /^[\x20-\x7e]+$/);
      }
    });
  }

  test("fail with a localized reason when the video cannot be decoded, or when the worker never got to them", async () => {
    const { visitor, video } = await visitorWithUploads("zh");
    const { visitorId } = await getDb().file.findUniqueOrThrow({ where: { id: video.id } });
    const garbage = join(await mkdtemp(join(tmpdir(), "clipclean-preview-")), "broken.mp4");
    await writeFile(garbage, Buffer.alloc(4096, 7));
    const broken = await storeUpload(visitorId, garbage, { corrupt: true });
    const asked = await askPreview(visitor, broken, { regions: [region], atSecond: 1 });
    expect(asked.status).toBe(202);
    const failed = await readyPreview(visitor, asked.body.preview.id);
    expect(failed).toMatchObject({ status: "failed", afterUrl: null, error: { code: "invalid_input", message: expect.stringMatching(/[\u4e00-\u9fff]/) } });

    const stuck = await getDb().watermarkPreview.create({
      data: { visitorId, fileId: video.id, params: { regions: [region], method: "delogo" }, atSecond: 1, createdAt: new Date(Date.now() - 5 * 60_000), expiresAt: new Date(Date.now() + 55 * 60_000) },
    });
    const { body } = await visitor.json(`/api/previews/${stuck.id}`);
    expect(body.preview).toMatchObject({ status: "failed", beforeUrl: null, error: { code: "processing_failed", message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
  });

  test("go with their images an hour after they were asked for; the orphan sweep keeps live ones", async () => {
    const { visitor, video } = await visitorWithUploads();
    const asked = await askPreview(visitor, video.id, { regions: [region] });
    const preview = await readyPreview(visitor, asked.body.preview.id);
    const row = await getDb().watermarkPreview.findUniqueOrThrow({ where: { id: preview.id } });
    const storage = getStorage();
    const orphan = `previews/${crypto.randomUUID()}/after.webp`;
    await storage.put(orphan, Readable.from([Buffer.from("webp")]));
    await removeOrphanBytes({ olderThan: new Date(Date.now() + 60_000) });
    expect(await storage.stat(orphan)).toBeNull();
    expect(await storage.stat(row.beforeKey!)).not.toBeNull();

    await getDb().watermarkPreview.update({ where: { id: preview.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await visitor.json(`/api/previews/${preview.id}`)).status).toBe(404);
    expect((await sweepLifecycle()).expiredPreviews).toBeGreaterThanOrEqual(1);
    expect(await getDb().watermarkPreview.findUnique({ where: { id: preview.id } })).toBeNull();
    expect(await storage.stat(row.beforeKey!)).toBeNull();
    expect(await storage.stat(row.afterKey!)).toBeNull();
  });
});
