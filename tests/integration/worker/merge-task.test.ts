import { describe, expect, test } from "vitest";
import { makeVideo } from "../../support/media-fixtures";
import { audioStream, probeFile, videoStream } from "../../support/probe-file";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { withWorker } from "../../support/with-worker";
import { copyOfStored } from "../../support/stored-copy";

withWorker();

describe("merge task", () => {
  test("joins compatible clips by stream copy, in order, with the summed duration", async () => {
    const visitorId = await createVisitor();
    const clips = await Promise.all([2, 3].map((seconds) => makeVideo({ seconds, width: 320, height: 240, fps: 25 })));
    const inputs = [];
    for (const clip of clips) inputs.push(await storeUpload(visitorId, clip));

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.logs.map((log) => log.message)).toContain("Merging 2 videos, joining without re-encoding");
    const probe = await probeFile(await copyOfStored(task.outputs[0]!.storageKey));
    expect(videoStream(probe)).toMatchObject({ codec_name: "h264", width: 320, height: 240 });
    expect(audioStream(probe)?.codec_name).toBe("aac");
    expect(Number(probe.format.duration)).toBeCloseTo(5, 0);
  });

  test("normalises mixed sizes, frame rates and a silent clip to the first video and encodes once", async () => {
    const visitorId = await createVisitor();
    const clips = [
      await makeVideo({ seconds: 2, width: 320, height: 240, fps: 25, audio: true }),
      await makeVideo({ seconds: 1, width: 160, height: 160, fps: 30, audio: false }),
      await makeVideo({ seconds: 2, width: 480, height: 270, fps: 15, audio: true, format: "webm" }),
    ];
    const inputs = [];
    for (const clip of clips) inputs.push(await storeUpload(visitorId, clip));

    const task = await runTaskToEnd({ visitorId, type: "merge", inputs });

    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.logs.some((log) => log.level === "warn" && /no sound/.test(log.message))).toBe(true);
    const probe = await probeFile(await copyOfStored(task.outputs[0]!.storageKey));
    expect(videoStream(probe)).toMatchObject({ codec_name: "h264", width: 320, height: 240, r_frame_rate: "25/1" });
    expect(audioStream(probe)).toMatchObject({ codec_name: "aac", sample_rate: "48000", channels: 2 });
    expect(Number(probe.format.duration)).toBeGreaterThan(4.8);
    expect(Number(probe.format.duration)).toBeLessThan(5.3);
  });
});
