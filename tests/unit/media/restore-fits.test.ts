import { describe, expect, it } from "vitest";
import type { VideoInfo } from "@/lib/media/media-info";
import { restoreFits } from "@/lib/media/watermarks/restore/remove-by-restoring";

const video = (durationSec: number): VideoInfo => ({
  kind: "video",
  format: "mov",
  mime: "video/mp4",
  width: 1920,
  height: 1080,
  durationSec,
  video: { codec: "h264", width: 1920, height: 1080, fps: 30, frameRate: "30/1", pixFmt: "yuv420p" },
  audio: null,
});

describe("which regions restore takes (the rest are left to delogo)", () => {
  it("takes marks of every size the real-footage bench holds, over a minute of 1080p", () => {
    expect(restoreFits(video(60), [{ x: 786, y: 974, width: 346, height: 50 }, { x: 1734, y: 58, width: 128, height: 128 }])).toBe(true);
    expect(restoreFits(video(60), [{ x: 0, y: 0, width: 640, height: 480 }])).toBe(true);
  });

  it("leaves a box larger than 640×480 pixels to delogo, however short the video", () => {
    expect(restoreFits(video(2), [{ x: 0, y: 0, width: 641, height: 480 }])).toBe(false);
    expect(restoreFits(video(2), [{ x: 10, y: 10, width: 128, height: 128 }, { x: 100, y: 100, width: 1600, height: 800 }])).toBe(false);
  });

  it("leaves a video to delogo when every frame's box would not fit in the work folder", () => {
    expect(restoreFits(video(60 * 60), [{ x: 0, y: 0, width: 640, height: 480 }])).toBe(false);
  });
});
