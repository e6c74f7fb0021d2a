import { describe, expect, it } from "vitest";
import { checkTaskForm } from "@/app/components/new-task/check-task-form";
import type { UploadItem } from "@/app/components/new-task/use-uploads";
import { formatDuration } from "@/app/client/format-duration";
import type { FileView } from "@/lib/files/file-view";

const stored = (id: string, kind: "video" | "image" = "video"): FileView => ({
  id, name: `${id}.mp4`, size: 1, mime: "video/mp4", kind, origin: "upload", taskId: null, width: 320, height: 240, durationSec: kind === "video" ? 2 : null,
  createdAt: "", expiresAt: "", thumbnailUrl: null, watermarks: null,
});
const idle = { bytesPerSecond: null, secondsLeft: null, reconnecting: false, chosen: false };
const done = (file: FileView): UploadItem => ({ key: file.id, name: file.name, size: 1, localUrl: "", progress: 100, ...idle, state: "done", file });
const manual = { auto: false, regions: [], selected: 0, method: "delogo" as const, detected: [] };
const base = { watermark: manual, width: 256, atSecond: 1 };

describe("checking the New task form", () => {
  it("waits for uploads and asks for what is missing", () => {
    const uploading: UploadItem = { key: "u", name: "u.mp4", size: 1, localUrl: "", progress: 40, ...idle, state: "uploading" };
    expect(checkTaskForm({ ...base, type: "watermark", items: [uploading] }).problem).toBe("waitUploads");
    expect(checkTaskForm({ ...base, type: "watermark", items: [{ ...uploading, state: "paused" }] }).problem).toBe("waitUploads");
    expect(checkTaskForm({ ...base, type: "thumbnail", items: [] }).problem).toBe("needFile");
    expect(checkTaskForm({ ...base, type: "watermark", items: [done(stored("a"))] }).problem).toBe("regionMissing");
    expect(checkTaskForm({ ...base, type: "watermark", items: [done(stored("a", "image"))] }).problem).toBe("notAVideo");
    expect(checkTaskForm({ ...base, type: "merge", items: [done(stored("a"))] }).problem).toBe("mergeCount");
  });

  it("builds the API body in the visitor's order, with the regions in source pixels", () => {
    const region = { x: 10, y: 20, width: 30, height: 40 };
    const regions = [region, { x: 0, y: 0, width: 0, height: 0 }];
    expect(checkTaskForm({ ...base, watermark: { ...manual, regions, method: "blur" }, type: "watermark", items: [done(stored("a"))] })).toEqual({
      problem: null,
      body: { type: "watermark", inputs: ["a"], params: { regions: [region], method: "blur" } },
    });
    const found = [{ ...region, confidence: 0.9, fromSecond: null, toSecond: null }];
    for (const detected of [found, null]) {
      expect(checkTaskForm({ ...base, watermark: { ...manual, auto: true, method: null, detected }, type: "watermark", items: [done(stored("a"))] })).toEqual({
        problem: null,
        body: { type: "watermark", inputs: ["a"], params: { regions: "auto" } },
      });
    }
    const none = { ...manual, auto: true, detected: [] };
    expect(checkTaskForm({ ...base, watermark: none, type: "watermark", items: [done(stored("a"))] }).problem, "nothing detected: draw one").toBe("regionMissing");
    const onlyPossible = { ...manual, auto: true, detected: [{ ...found[0]!, confidence: 0.6 }] };
    expect(checkTaskForm({ ...base, watermark: onlyPossible, type: "watermark", items: [done(stored("a"))] }).problem, "a possible mark is never removed unasked").toBe("regionMissing");
    expect(checkTaskForm({ ...base, type: "merge", items: [done(stored("b")), done(stored("a"))] })).toEqual({
      problem: null,
      body: { type: "merge", inputs: ["b", "a"] },
    });
    expect(checkTaskForm({ ...base, type: "thumbnail", items: [done(stored("p", "image"))] })).toEqual({
      problem: null,
      body: { type: "thumbnail", inputs: ["p"], params: { width: 256 } },
    });
  });

  it("formats media durations for the locale", () => {
    expect(formatDuration(2.5, "en")).toBe("2.5 sec");
    expect(formatDuration(65, "en")).toBe("1:05");
    expect(formatDuration(3723, "zh")).toBe("1:02:03");
    expect(formatDuration(2, "zh")).toMatch(/^2\s?秒$/);
  });
});
