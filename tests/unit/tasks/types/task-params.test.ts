import { describe, expect, it } from "vitest";
import { createTaskInput } from "@/lib/tasks/create-task-input";
import { settleTaskParams } from "@/lib/tasks/types/task-rules";
import { thumbnailParamsSchema, thumbnailRequestSchema } from "@/lib/tasks/types/thumbnail-rules";
import { watermarkParamsSchema } from "@/lib/tasks/types/watermark-rules";

const video = { kind: "video" as const, width: 320, height: 240, durationSec: 10 };
const image = { kind: "image" as const, width: 100, height: 80, durationSec: null };

describe("task params", () => {
  it("fills in the thumbnail defaults: 256 px, one second in, or a short video's middle, no moment for an image", () => {
    expect(settleTaskParams({ type: "thumbnail" }, video)).toEqual({ params: { width: 256, atSecond: 1 } });
    expect(settleTaskParams({ type: "thumbnail", params: {} }, { ...video, durationSec: 1 })).toEqual({ params: { width: 256, atSecond: 0.5 } });
    expect(settleTaskParams({ type: "thumbnail", params: { width: 64, atSecond: 3 } }, image)).toEqual({ params: { width: 64 } });
    expect(thumbnailParamsSchema.parse({})).toEqual({ width: 256, atSecond: 1 });
  });

  it("keeps thumbnail widths within 16..1920 whole pixels and moments at zero or later", () => {
    for (const width of [16, 1920]) expect(thumbnailRequestSchema.safeParse({ width }).success).toBe(true);
    for (const width of [15, 1921, 100.5]) expect(thumbnailRequestSchema.safeParse({ width }).success).toBe(false);
    expect(thumbnailParamsSchema.safeParse({ atSecond: -1 }).success).toBe(false);
  });

  it("asks for a region of whole, non-negative pixels at least one pixel in size, as the API and the worker both read it", () => {
    const region = (x: number, y: number, width: number, height: number) => ({ region: { x, y, width, height } });
    expect(watermarkParamsSchema.safeParse(region(0, 0, 1, 1)).success).toBe(true);
    for (const bad of [region(-5, 0, 10, 10), region(0, 0, 0, 10), region(1.5, 0, 10, 10), {}]) {
      expect(watermarkParamsSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("wants the region inside the frame and the moment within the video", () => {
    const watermark = (x: number, y: number, width: number, height: number) => ({ type: "watermark" as const, params: { region: { x, y, width, height } } });
    expect(settleTaskParams(watermark(220, 190, 100, 50), video)).toEqual({ params: { regions: [{ x: 220, y: 190, width: 100, height: 50 }] } });
    expect(settleTaskParams(watermark(221, 0, 100, 50), video)).toEqual({ invalidField: "params.region" });
    expect(settleTaskParams(watermark(0, 191, 100, 50), video)).toEqual({ invalidField: "params.region" });
    expect(settleTaskParams({ type: "thumbnail", params: { atSecond: 10 } }, video)).toEqual({ params: { width: 256, atSecond: 10 } });
    expect(settleTaskParams({ type: "thumbnail", params: { atSecond: 10.1 } }, video)).toEqual({ invalidField: "params.atSecond" });
  });

  it("takes merges of 2 to 20 videos with no settings", () => {
    const merge = (count: number) => createTaskInput.safeParse({ type: "merge", inputs: Array.from({ length: count }, (_, n) => `f${n}`) });
    expect([1, 2, 20, 21].map((count) => merge(count).success)).toEqual([false, true, true, false]);
    expect(settleTaskParams({ type: "merge" }, video)).toEqual({ params: {} });
  });
});
