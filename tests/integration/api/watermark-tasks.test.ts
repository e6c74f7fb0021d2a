import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";

let videoPath: string;
let imagePath: string;

beforeAll(async () => {
  [videoPath, imagePath] = await Promise.all([makeVideo({ seconds: 2, width: 320, height: 240 }), makeImage({ width: 100, height: 80 })]);
});

async function visitorWithVideo(locale?: "en" | "zh") {
  const visitor = apiVisitor({ locale });
  const { body } = await visitor.upload([{ path: videoPath }, { path: imagePath }]);
  const [video, image] = body.files as [{ id: string; watermarks: unknown }, { id: string; watermarks: unknown }];
  return { visitor, video, image };
}

const createTask = (visitor: ApiVisitor, params: unknown, inputs: string[]) => visitor.json("/api/tasks", { method: "POST", body: { type: "watermark", inputs, params } });
const box = (x: number, y: number, extra: object = {}) => ({ x, y, width: 40, height: 30, ...extra });

describe("watermark detection in the files API", () => {
  it("shows watermarks as null until a video is analysed and [] for images; masks never leave the server", async () => {
    const { visitor, video, image } = await visitorWithVideo();
    expect(video.watermarks).toBeNull();
    expect(image.watermarks).toEqual([]);
    const mask = { width: 4, height: 3, bits: "AAA=" };
    const found = { x: 10, y: 12, width: 40, height: 30, confidence: 0.9, fromSecond: null, toSecond: 1.5 };
    const possible = { ...found, x: 200, confidence: 0.6 };
    const unsure = { ...found, y: 100, confidence: 0.3 };
    await getDb().file.update({ where: { id: video.id }, data: { watermarks: [{ ...found, mask }, { ...possible, mask }, { ...unsure, mask }] } });
    expect((await visitor.json(`/api/files/${video.id}`)).body.file.watermarks, "below 0.5 a detection is not shown").toEqual([found, possible]);
    const task = await createTask(visitor, { regions: "auto" }, [video.id]);
    expect(task.status).toBe(202);
    expect(task.body.task.inputs[0].watermarks).toEqual([found, possible]);
    expect(task.body.task.params, "without a method the worker picks one per region").toEqual({ regions: "auto" });
  });

  it("refuses \"auto\" when the analysis is confident of no mark: possible marks are never removed unasked", async () => {
    const { visitor, video } = await visitorWithVideo("zh");
    const possible = { x: 10, y: 12, width: 40, height: 30, confidence: 0.7, fromSecond: null, toSecond: null, mask: { width: 1, height: 1, bits: "gA==" } };
    await getDb().file.update({ where: { id: video.id }, data: { watermarks: [possible] } });
    const refused = await createTask(visitor, { regions: "auto" }, [video.id]);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "no_watermark_found" });
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const { x, y, width, height } = possible;
    expect((await createTask(visitor, { regions: [{ x, y, width, height }] }, [video.id])).status, "ticked by the visitor, it is removed").toBe(202);
  });
});

describe("POST /api/tasks (watermark regions)", () => {
  it("takes 1 to 8 regions with optional time spans and a method (restore, delogo, blur or mask), and still takes v1's single region", async () => {
    const { visitor, video } = await visitorWithVideo();
    const regions = [box(0, 0), box(100, 50, { confidence: 0.8, fromSecond: 0.5, toSecond: 1.5 }), ...Array.from({ length: 6 }, (_, n) => box(n * 40, 200))];
    const many = await createTask(visitor, { regions, method: "mask" }, [video.id]);
    expect(many.status).toBe(202);
    expect(many.body.task.params).toEqual({ regions, method: "mask" });
    const v1 = await createTask(visitor, { region: box(10, 10) }, [video.id]);
    expect(v1.status).toBe(202);
    expect(v1.body.task.params).toEqual({ regions: [box(10, 10)] });
    const restore = await createTask(visitor, { regions: [box(10, 10)], method: "restore" }, [video.id]);
    expect(restore.status).toBe(202);
    expect(restore.body.task.params).toEqual({ regions: [box(10, 10)], method: "restore" });
    const blur = await createTask(visitor, { regions: [box(10, 10, { fromSecond: null, toSecond: 1 })], method: "blur" }, [video.id]);
    expect(blur.status).toBe(202);
    const auto = await createTask(visitor, { regions: "auto" }, [video.id]);
    expect(auto.status, "not analysed yet: the task waits for the analysis").toBe(202);
  });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses regions it cannot remove with 400 naming the field (${locale})`, async () => {
      const { visitor, video } = await visitorWithVideo(locale);
      const cases: [unknown, string][] = [
        [{ regions: [] }, "params.regions"],
        [{ regions: Array.from({ length: 9 }, () => box(0, 0)) }, "params.regions"],
        [{ regions: [box(0, 0), box(300, 0)] }, "params.regions.1"],
        [{ regions: [box(0, 0, { fromSecond: 1, toSecond: 0.5 })] }, "params.regions.0.toSecond"],
        [{ regions: [box(0, 0, { fromSecond: 5 })] }, "params.regions.0.fromSecond"],
        [{ regions: [box(0, 0, { confidence: 2 })] }, "params.regions.0.confidence"],
        [{ regions: [box(0, 0)], method: "erase" }, "params.method"],
        [{ regions: "all" }, "params.regions"],
        [{}, "params.regions"],
      ];
      for (const [params, field] of cases) {
        const response = await createTask(visitor, params, [video.id]);
        expect(response.status, JSON.stringify(params)).toBe(400);
        expect(response.body.error).toMatchObject({ code: "invalid_params", field });
      }
    });

    it(`refuses "auto" with 422 no_watermark_found when the analysis found none (${locale})`, async () => {
      const { visitor, video } = await visitorWithVideo(locale);
      await getDb().file.update({ where: { id: video.id }, data: { watermarks: [] } });
      const response = await createTask(visitor, { regions: "auto", method: "blur" }, [video.id]);
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: "no_watermark_found",
        message: locale === "en" ? "No watermark was found in this video. Draw the regions to remove yourself." : "未在此视频中发现水印，请手动框选要去除的区域。",
      });
      expect((await visitor.json("/api/me")).body.counts.pending).toBe(0);
    });
  }
});
