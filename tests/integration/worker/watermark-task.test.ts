import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { grayFrame, meanLumaDifference } from "../../support/frame-luma";
import { makeVideo } from "../../support/media-fixtures";
import { audioStream, probeFile, videoStream } from "../../support/probe-file";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload, submitTask } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { withWorker } from "../../support/with-worker";
import { copyOfStored } from "../../support/stored-copy";

withWorker();

describe("watermark removal task", () => {
  test("covers the region, keeps size, duration, audio and the pixels outside", async () => {
    const source = await makeVideo({ seconds: 3, width: 320, height: 240, fps: 25, audio: true });
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, source);
    const region = { x: 200, y: 20, width: 80, height: 50 };
    const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region, method: "delogo" } });

    const task = await waitFor(
      async () => {
        const row = await getDb().task.findUniqueOrThrow({ where: { id: taskId }, include: { outputs: true, logs: true } });
        return ["completed", "failed"].includes(row.status) && row;
      },
      { what: "the watermark task to finish" },
    );
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.progress).toBe(100);
    expect(task.outputs).toHaveLength(1);
    const output = task.outputs[0]!;
    expect(output).toMatchObject({ origin: "output", kind: "video", width: 320, height: 240, mime: "video/mp4" });
    expect(task.logs.map((log) => log.message)).toEqual(
      expect.arrayContaining(["Started", expect.stringMatching(/^Removing watermark/), "Completed"]),
    );

    const path = await copyOfStored(output.storageKey);
    const probe = await probeFile(path);
    expect(videoStream(probe)).toMatchObject({ codec_name: "h264", width: 320, height: 240 });
    expect(audioStream(probe)?.codec_name).toBe("aac");
    expect(Number(probe.format.duration)).toBeCloseTo(3, 0);

    const size = { width: 320, height: 240 };
    const before = await grayFrame(source, 1, size);
    const after = await grayFrame(path, 1, size);
    expect(meanLumaDifference(before, after, region, "inside")).toBeGreaterThan(10);
    expect(meanLumaDifference(before, after, region, "outside")).toBeLessThan(3);
  });

  test("refuses a stored region that the API would refuse instead of moving it into the frame", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 1, width: 320, height: 240 }));
    const region = { x: -40, y: 10, width: 80, height: 50 };
    const task = await runTaskToEnd({ visitorId, type: "watermark", inputs: [fileId], params: { region } });
    expect(task).toMatchObject({ status: "failed", errorCode: "invalid_params" });
    expect(task.outputs).toEqual([]);
  });
});
