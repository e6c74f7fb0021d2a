import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test, inject } from "vitest";
import { getDb } from "@/lib/db";
import { jobs } from "@/lib/queue/jobs";
import { makeVideo } from "../../support/media-fixtures";
import { childCommands } from "../../support/process-children";
import { waitForTaskEnd, waitForTaskProgress } from "../../support/run-task-to-end";
import { createVisitor, storeUpload, submitTask } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { withOwnDatabase } from "../../support/own-database";
import { withWorker } from "../../support/with-worker";
import { storedKeys } from "../../support/stored-keys";

// Its own database: the task must run under this file's worker, whose ffmpeg the test watches.
withOwnDatabase();
const context = withWorker();

describe("cancelling a running task", () => {
  test("stops ffmpeg within 5 s, leaves the task cancelled and no partial output", async () => {
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 40, width: 640, height: 480, audio: false }));
    const region = { x: 10, y: 10, width: 100, height: 60 };
    const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region, method: "delogo" } });

    const running = await waitForTaskProgress(taskId);
    expect(running.message).toBe("Removing watermark");
    expect(await childCommands(context.worker.pid)).toContain("ffmpeg");
    // The run's log lines show while it runs, not only once it ends.
    const removing = /^Removing watermark at 10,10 size 100×60/;
    await waitFor(async () => (await getDb().taskLog.findMany({ where: { taskId } })).some((line) => removing.test(line.message)), {
      what: "the run's log line to be stored while it runs", timeoutMs: 3_000,
    });

    // What the tasks API does on cancel.
    await getDb().task.update({ where: { id: taskId }, data: { status: "cancelled", finishedAt: new Date() } });
    await context.boss.cancel(jobs.taskRun.name, running.jobId!);

    await waitFor(async () => !(await childCommands(context.worker.pid)).includes("ffmpeg"), {
      what: "ffmpeg to stop", timeoutMs: 5_000,
    });
    const task = await waitForTaskEnd(taskId);
    expect(task.status).toBe("cancelled");
    expect(task.outputs).toHaveLength(0);
    expect(await storedKeys(`outputs/${taskId}/`)).toEqual([]);
    const workDirs = await waitFor(async () => {
      const dirs = await readdir(join(inject("dataDir"), "tmp", `process-${context.worker.pid}`));
      return dirs.every((dir) => !dir.startsWith(taskId)) && dirs;
    }, { what: "the work folder to be removed" });
    expect(workDirs.filter((dir) => dir.startsWith(taskId))).toEqual([]);
  });
});
