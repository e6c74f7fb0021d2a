import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { jobs } from "@/lib/queue/jobs";
import { makeVideo } from "../../support/media-fixtures";
import { waitForTaskEnd, waitForTaskProgress } from "../../support/run-task-to-end";
import { createVisitor, storeUpload, submitTask } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { withOwnDatabase } from "../../support/own-database";
import { withTestBoss } from "../../support/with-worker";
import { startWorker, type WorkerProcess } from "../../support/worker-process";
import { storedKeys } from "../../support/stored-keys";

// Its own database: only the workers this file starts and kills may take its tasks.
withOwnDatabase();
const context = withTestBoss();
const workers: WorkerProcess[] = [];

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

describe("a worker killed mid-task", () => {
  test("the task completes on a restarted worker with exactly one output", { timeout: 150_000 }, async () => {
    const first = await startWorker();
    workers.push(first);
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 60, width: 640, height: 480, audio: false }));
    const region = { x: 20, y: 20, width: 100, height: 60 };
    const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region } });
    await waitForTaskProgress(taskId, 30_000);

    await first.kill();
    const second = await startWorker();
    workers.push(second);
    expect(await readdir(join(inject("dataDir"), "tmp"))).not.toContain(`process-${first.pid}`);

    const task = await waitForTaskEnd(taskId, 140_000);
    expect(task.status, task.errorMessage ?? "").toBe("completed");
    expect(task.outputs).toHaveLength(1);
    expect(await storedKeys(`outputs/${taskId}/`)).toHaveLength(1);
    expect(task.logs.some((log) => log.level === "warn" && /interrupted/.test(log.message))).toBe(true);
    // The job settles just after the task's final state.
    const job = await waitFor(async () => {
      const found = await context.boss.getJobById(jobs.taskRun.name, task.jobId!);
      return found?.state !== "active" && found;
    }, { what: "the run job to settle" });
    expect(job).toMatchObject({ state: "completed", retryCount: 1 });
  });
});

describe("a run job that ran out of retries", () => {
  test("fails its task instead of leaving it running", async () => {
    if (workers.length === 0) workers.push(await startWorker());
    const db = getDb();
    const visitorId = await createVisitor();
    const task = await db.task.create({
      data: { visitorId, type: "thumbnail", status: "running", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    // A run job that no worker may take yet; we claim and fail it ourselves, as a dying worker would.
    const jobId = await context.boss.send(jobs.taskRun.name, { taskId: task.id }, { retryLimit: 0, startAfter: 3600 });
    await db.task.update({ where: { id: task.id }, data: { jobId } });
    const [claimed] = await context.boss.fetch(jobs.taskRun.name, { ignoreStartAfter: true });
    expect(claimed?.id).toBe(jobId);
    await context.boss.fail(jobs.taskRun.name, jobId!, { message: "worker died" });

    const ended = await waitForTaskEnd(task.id);
    expect(ended).toMatchObject({ status: "failed", errorCode: "worker_lost" });
  });
});
