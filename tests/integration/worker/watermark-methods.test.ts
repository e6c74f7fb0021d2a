import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { fileWatermarks } from "@/lib/files/file-watermarks";
import { grayFrame, meanLumaDifference, type Rect } from "../../support/frame-luma";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { copyOfStored } from "../../support/stored-copy";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { boxMark, intersectionOverUnion, makeWatermarkedClip, markTruth, textMark, type ClipSpec } from "../../support/watermark-clips";
import { withWorker } from "../../support/with-worker";

withWorker();

const size = { width: 640, height: 360 };
const mark = boxMark({ x: 470, y: 24, width: 120, height: 60, opacity: 0.6, outline: true });

async function removeWith(params: object, clip: string) {
  const visitorId = await createVisitor();
  const fileId = await storeUpload(visitorId, clip);
  const task = await runTaskToEnd({ visitorId, type: "watermark", inputs: [fileId], params });
  const output = task.outputs[0];
  return { task, fileId, output: output && (await copyOfStored(output.storageKey)) };
}

/** The region grown by a few pixels: removal filters blend a little past the box's edge. */
const grown = (rect: Rect, by = 6): Rect => ({ x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by });

describe("watermark removal methods", () => {
  // Three tasks and an analysis on one worker: about 10 s on an idle machine, over 60 s when the machine is busy.
  test("delogo, blur and mask each change the mark's pixels and leave the rest of the frame alone", { timeout: 120_000 }, async () => {
    const clip = await makeWatermarkedClip({ background: "scrolled-testsrc", marks: [mark], seconds: 3 });
    const truth = await markTruth(mark, size);
    const region = grown(truth, 4);
    const runs = await Promise.all([
      removeWith({ regions: [region], method: "delogo" }, clip),
      removeWith({ regions: [region], method: "blur" }, clip),
      removeWith({ regions: "auto", method: "mask" }, clip),
    ]);
    const before = await grayFrame(clip, 1.5, size);
    for (const { task, output } of runs) {
      expect(task.status, task.errorMessage ?? "").toBe("completed");
      const after = await grayFrame(output!, 1.5, size);
      expect(meanLumaDifference(before, after, truth, "inside"), JSON.stringify(task.params)).toBeGreaterThan(8);
      expect(meanLumaDifference(before, after, grown(region), "outside"), JSON.stringify(task.params)).toBeLessThan(3);
    }
    const auto = runs[2]!;
    const detected = fileWatermarks(await getDb().file.findUniqueOrThrow({ where: { id: auto.fileId } }));
    expect(detected, "the task ran the analysis itself and stored it").toHaveLength(1);
    expect(intersectionOverUnion(detected![0]!, truth)).toBeGreaterThanOrEqual(0.5);
    expect(auto.task.logs.map((log) => log.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Removing watermark at .*\(mask\)$/)]));
  });

  test("restore brings back the moving picture under a semi-transparent mark better than delogo; the default picks it and says so", async () => {
    const handle = textMark({ text: "@clipclean", x: 400, y: 300, size: 34, opacity: 0.55 });
    const spec: ClipSpec = { background: "scrolled-testsrc", marks: [handle], seconds: 3 };
    const [clip, clean, truth] = await Promise.all([makeWatermarkedClip(spec), makeWatermarkedClip({ ...spec, marks: [] }), markTruth(handle, size)]);
    const region = grown(truth, 3);
    const [delogo, restore, chosen] = await Promise.all([
      removeWith({ regions: [region], method: "delogo" }, clip),
      removeWith({ regions: [region], method: "restore" }, clip),
      removeWith({ regions: [region] }, clip),
    ]);
    const errorAgainstClean = async (path: string) => {
      let total = 0;
      for (const second of [0.8, 1.6, 2.4]) total += meanLumaDifference(await grayFrame(clean, second, size), await grayFrame(path, second, size), truth, "inside");
      return total / 3;
    };
    for (const run of [delogo, restore, chosen]) expect(run.task.status, run.task.errorMessage ?? "").toBe("completed");
    const [markError, delogoError, restoreError] = await Promise.all([errorAgainstClean(clip), errorAgainstClean(delogo.output!), errorAgainstClean(restore.output!)]);
    expect(restoreError, `mark ${markError}, delogo ${delogoError}`).toBeLessThan(delogoError * 0.6);
    expect(restoreError).toBeLessThan(markError * 0.6);
    const before = await grayFrame(clip, 1.6, size);
    expect(meanLumaDifference(before, await grayFrame(restore.output!, 1.6, size), grown(region), "outside")).toBeLessThan(3);
    expect(restore.task.params).toEqual({ regions: [region], method: "restore" });
    expect(chosen.task.params).toEqual({ regions: [region], method: "restore", methods: ["restore"] });
    expect(chosen.task.logs.map((log) => log.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Removed the watermark at .* with restore$/)]));
  });

  test("over a still picture the default fills the box from around it (restore), since the frames cannot tell the mark apart", async () => {
    const bug = boxMark({ x: 470, y: 24, width: 120, height: 60, opacity: 0.6 });
    const clip = await makeWatermarkedClip({ background: "scrolled-testsrc", marks: [bug], seconds: 2, still: true });
    const region = grown(await markTruth(bug, size), 4);
    const { task, output } = await removeWith({ regions: [region] }, clip);
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.params).toEqual({ regions: [region], method: "restore", methods: ["restore"] });
    const [before, after] = await Promise.all([grayFrame(clip, 1, size), grayFrame(output!, 1, size)]);
    expect(meanLumaDifference(before, after, region, "inside")).toBeGreaterThan(8);
    expect(meanLumaDifference(before, after, grown(region), "outside")).toBeLessThan(3);
  });

  test("a region with a time span is removed only in that span", async () => {
    const clip = await makeWatermarkedClip({ background: "scrolled-testsrc", marks: [mark], seconds: 3 });
    const region = grown(await markTruth(mark, size), 4);
    const { task, output } = await removeWith({ regions: [{ ...region, fromSecond: 0, toSecond: 1.2 }] }, clip);
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    const during = meanLumaDifference(await grayFrame(clip, 0.6, size), await grayFrame(output!, 0.6, size), region, "inside");
    const after = meanLumaDifference(await grayFrame(clip, 2.2, size), await grayFrame(output!, 2.2, size), region, "inside");
    expect(during).toBeGreaterThan(8);
    expect(after).toBeLessThan(3);
  });

  test("\"auto\" on a video without a watermark fails with no_watermark_found", async () => {
    const clip = await makeWatermarkedClip({ background: "scrolled-testsrc", marks: [], seconds: 2 });
    const { task } = await removeWith({ regions: "auto" }, clip);
    expect(task).toMatchObject({ status: "failed", errorCode: "no_watermark_found" });
    expect(task.outputs).toEqual([]);
  });
});
