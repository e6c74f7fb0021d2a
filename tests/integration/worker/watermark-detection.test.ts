import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { fileWatermarks, type StoredWatermark } from "@/lib/files/file-watermarks";
import { sendJob } from "@/lib/queue/send-job";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { boxMark, intersectionOverUnion, makeWatermarkedClip, markTruth, textMark, type ClipSpec } from "../../support/watermark-clips";
import { withOwnDatabase } from "../../support/own-database";
import { withWorker } from "../../support/with-worker";

// Its own database: every upload of the run queues an analysis, and a backlog of them in the shared
// queue could keep this file's jobs waiting past their time limit.
withOwnDatabase();
withWorker();

const size = { width: 640, height: 360 };

/** Stores the clip as an upload, runs its analysis job on the worker and returns what was stored. */
async function analyse(spec: ClipSpec): Promise<StoredWatermark[]> {
  const visitorId = await createVisitor();
  const fileId = await storeUpload(visitorId, await makeWatermarkedClip(spec));
  await sendJob("fileWatermarks", { fileId });
  return waitFor(
    async () => fileWatermarks(await getDb().file.findUniqueOrThrow({ where: { id: fileId } })) ?? undefined,
    { what: "the watermark analysis", timeoutMs: 60_000 },
  );
}

describe("watermark analysis of uploaded videos", () => {
  test("finds a semi-transparent logo over moving noise, in source pixels, shown throughout", async () => {
    const mark = textMark({ text: "@noisy_channel", x: "w-tw-20", y: 18, size: 26, opacity: 0.45, boxed: false });
    const [found, ...others] = await analyse({ background: "scrolled-noise", marks: [mark] });
    expect(others).toEqual([]);
    expect(found).toMatchObject({ fromSecond: null, toSecond: null });
    expect(found!.confidence).toBeGreaterThan(0.3);
    expect(found!.confidence).toBeLessThanOrEqual(1);
    expect(intersectionOverUnion(found!, await markTruth(mark, size))).toBeGreaterThanOrEqual(0.5);
    expect(found!.mask).toBeDefined();
  });

  test("a camera panning over a still picture: the mark that stays put is found and sure, the picture alone gives nothing", async () => {
    const mark = textMark({ text: "@pan_channel", x: "w-tw-24", y: "h-th-22", size: 26, opacity: 0.6 });
    const [found, ...others] = await analyse({ background: "panned-still", marks: [mark] });
    expect(others).toEqual([]);
    expect(found!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(intersectionOverUnion(found!, await markTruth(mark, size))).toBeGreaterThanOrEqual(0.5);
    expect(await analyse({ background: "panned-still", marks: [] })).toEqual([]);
  });

  test("finds nothing in a clean clip, a letterboxed clean clip or a still video", async () => {
    expect(await analyse({ background: "scrolled-testsrc", marks: [] })).toEqual([]);
    expect(await analyse({ background: "scrolled-noise", marks: [], bars: { kind: "letterbox", share: 0.7 } })).toEqual([]);
    const mark = boxMark({ x: 20, y: 20, width: 60, height: 40, opacity: 0.8 });
    expect(await analyse({ background: "scrolled-testsrc", marks: [mark], still: true })).toEqual([]);
  });

  test("a mark that jumps between corners gives one region per corner, each with its time span", async () => {
    const first = textMark({ text: "@jumper", x: 20, y: 18, size: 28, opacity: 0.8, enable: "lt(t,4)" });
    const second = textMark({ text: "@jumper", x: "w-tw-20", y: "h-th-20", size: 28, opacity: 0.8, enable: "gte(t,4)" });
    const regions = await analyse({ background: "scrolled-noise", marks: [first, second], seconds: 8 });
    expect(regions).toHaveLength(2);
    const [topLeft, bottomRight] = [...regions].sort((a, b) => a.x - b.x) as [StoredWatermark, StoredWatermark];
    expect(intersectionOverUnion(topLeft, await markTruth(first, size))).toBeGreaterThanOrEqual(0.5);
    expect(intersectionOverUnion(bottomRight, await markTruth(second, size))).toBeGreaterThanOrEqual(0.5);
    expect(topLeft.fromSecond).toBe(0);
    expect(topLeft.toSecond).toBeGreaterThanOrEqual(4);
    expect(topLeft.toSecond).toBeLessThan(8);
    expect(bottomRight.fromSecond).toBeGreaterThan(0);
    expect(bottomRight.fromSecond).toBeLessThanOrEqual(4);
    expect(bottomRight.toSecond).toBeCloseTo(8, 0);
  });
});
