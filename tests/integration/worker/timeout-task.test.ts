import { describe, expect, test } from "vitest";
import { makeVideo } from "../../support/media-fixtures";
import { runTaskToEnd } from "../../support/run-task-to-end";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { withWorker } from "../../support/with-worker";

// 0.01 minutes: 0.6 s for watermark tasks; other types keep the default.
withWorker({ TASK_TIMEOUT_MINUTES_WATERMARK: "0.01" });

describe("per-type time limit", () => {
  test("a task over its limit is stopped and fails with timeout, without an output", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 40, width: 640, height: 480, audio: false }));

    const task = await runTaskToEnd({
      visitorId, type: "watermark", inputs: [fileId], params: { region: { x: 0, y: 0, width: 50, height: 50 } },
    });

    expect(task, task.errorMessage ?? "").toMatchObject({ status: "failed", errorCode: "timeout" });
    expect(task.outputs).toHaveLength(0);
    expect(task.logs.at(-1)?.message).toMatch(/time limit/);
  });
});
