import { describe, expect, test } from "vitest";
import { clampRegion, watermarkFilter } from "@/lib/media/remove-watermark";

const frame = { width: 320, height: 240 };

describe("clampRegion", () => {
  test("keeps a region that is already inside the frame", () => {
    expect(clampRegion({ x: 10, y: 20, width: 100, height: 50 }, frame)).toEqual({ x: 10, y: 20, width: 100, height: 50 });
  });

  test("keeps a 1 px border, which delogo needs, at every edge", () => {
    expect(clampRegion({ x: 0, y: 0, width: 400, height: 400 }, frame)).toEqual({ x: 1, y: 1, width: 318, height: 238 });
    expect(clampRegion({ x: 300, y: 230, width: 50, height: 50 }, frame)).toEqual({ x: 300, y: 230, width: 19, height: 9 });
  });

  test("moves a region that starts outside the frame back in", () => {
    expect(clampRegion({ x: 900, y: -20, width: 10, height: 10 }, frame)).toEqual({ x: 318, y: 1, width: 1, height: 10 });
  });
});

describe("watermarkFilter", () => {
  test("crops odd-sized frames to even sizes for H.264 4:2:0", () => {
    expect(watermarkFilter([{ x: 5, y: 5, width: 10, height: 10 }], { width: 321, height: 240 })).toBe(
      "delogo=x=5:y=5:w=10:h=10,crop=320:240:0:0",
    );
  });
});
