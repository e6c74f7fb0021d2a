import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { makeVideo } from "../../support/media-fixtures";
import { createVisitor, storeUpload, submitTask } from "../../support/seed-tasks";
import { waitForTaskProgress } from "../../support/run-task-to-end";
import { withOwnDatabase } from "../../support/own-database";
import { withWorker } from "../../support/with-worker";

// Its own database: the task must be admitted and run by this file's worker, not another file's.
withOwnDatabase();
const context = withWorker({ WORKER_SHUTDOWN_GRACE_SECONDS: "90" });

describe("SIGTERM", () => {
  test("lets the running task finish before the worker exits", { timeout: 150_000 }, async () => {
    const { worker } = context;
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 40, width: 640, height: 480, audio: false }));
    const region = { x: 10, y: 10, width: 60, height: 40 };
    const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region } });
    await waitForTaskProgress(taskId, 30_000);

    await worker.stop();

    const task = await getDb().task.findUniqueOrThrow({ where: { id: taskId }, include: { outputs: true } });
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.outputs).toHaveLength(1);
    expect(worker.output()).toContain("worker stopped");
  });
});
