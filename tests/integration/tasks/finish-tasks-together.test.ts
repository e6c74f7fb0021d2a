import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { finishTask, type TaskOutput } from "@/lib/tasks/run/finish-task";
import { withOwnDatabase } from "../../support/own-database";
import { createVisitor } from "../../support/seed-tasks";
import { withTestBoss } from "../../support/with-worker";

// Its own database: the admissions these finishes run must not start other files' tasks.
withOwnDatabase();
withTestBoss();

/** A task as the dispatcher leaves it: running under a job (no worker runs it; the test finishes it). */
async function runningTask(visitorId: string) {
  const jobId = randomUUID();
  const task = await getDb().task.create({
    data: { visitorId, type: "thumbnail", status: "running", jobId, attempts: 1, startedAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { taskId: task.id, jobId };
}

const output = (size: number, name = "frame-thumbnail.webp"): TaskOutput => ({
  storageKey: `outputs/${randomUUID()}/1-0.webp`, name, size, kind: "image", mime: "image/webp",
  width: 32, height: 24, durationSec: null, frameRate: null, videoCodec: null, audioCodec: null,
});

const completed = (size: number, name?: string) => ({ status: "completed" as const, output: output(size, name) });

describe("tasks that finish at the same moment", () => {
  it("are recorded together with every outcome its own, and the storage quota counts the outputs in the order they finished", async () => {
    const quota = getConfig().limits.maxStoredBytesPerVisitor;
    const [first, second] = [await createVisitor(), await createVisitor()];
    const opener = await runningTask(first);
    const tasks = [await runningTask(first), await runningTask(first), await runningTask(second), await runningTask(second)];
    // The first finish is recorded alone; the four that arrive meanwhile wait and go in together.
    const results = await Promise.all([
      finishTask({ ...opener, outcome: completed(1_000) }),
      finishTask({ ...tasks[0]!, outcome: completed(Math.floor(quota * 0.6)) }),
      finishTask({ ...tasks[1]!, outcome: completed(Math.floor(quota * 0.6)) }),
      finishTask({ ...tasks[2]!, outcome: { status: "failed", code: "processing_failed", message: "The frame could not be read" } }),
      finishTask({ taskId: tasks[3]!.taskId, jobId: randomUUID(), outcome: completed(1_000) }),
    ]);
    expect(results).toEqual(["completed", "completed", "failed", "failed", "skipped"]);

    const rows = await getDb().task.findMany({
      where: { id: { in: [opener.taskId, ...tasks.map((task) => task.taskId)] } },
      include: { outputs: true, logs: { orderBy: { id: "asc" } } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(tasks[0]!.taskId)).toMatchObject({ status: "completed", progress: 100, errorCode: null });
    expect(byId.get(tasks[0]!.taskId)!.outputs).toHaveLength(1);
    // The second big output would pass the first visitor's quota once the first is counted.
    expect(byId.get(tasks[1]!.taskId)).toMatchObject({ status: "failed", errorCode: "storage_quota_exceeded" });
    expect(byId.get(tasks[1]!.taskId)!.outputs).toEqual([]);
    expect(byId.get(tasks[2]!.taskId)).toMatchObject({ status: "failed", errorCode: "processing_failed", errorMessage: "The frame could not be read" });
    expect(byId.get(tasks[2]!.taskId)!.logs.at(-1)).toMatchObject({ level: "error", message: "Failed (processing_failed): The frame could not be read" });
    // Finished under a job it no longer runs under: left as it was.
    expect(byId.get(tasks[3]!.taskId)).toMatchObject({ status: "running", finishedAt: null });
    for (const id of [opener.taskId, tasks[0]!.taskId]) expect(byId.get(id)!.logs.at(-1)).toMatchObject({ level: "info", message: "Completed" });
  });

  it("fail one by one when one of them cannot be recorded, so the others still are", async () => {
    const visitorId = await createVisitor();
    const [opener, good, bad, alsoGood] = [await runningTask(visitorId), await runningTask(visitorId), await runningTask(visitorId), await runningTask(visitorId)];
    const results = await Promise.allSettled([
      finishTask({ ...opener, outcome: completed(10) }),
      finishTask({ ...good, outcome: completed(10) }),
      // PostgreSQL refuses text holding a NUL character: this one's insert fails the shared transaction.
      finishTask({ ...bad, outcome: completed(10, "broken\u0000name.webp") }),
      finishTask({ ...alsoGood, outcome: completed(10) }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const statuses = await getDb().task.findMany({ where: { visitorId }, select: { id: true, status: true } });
    const statusOf = new Map(statuses.map((row) => [row.id, row.status]));
    expect([good, bad, alsoGood].map((task) => statusOf.get(task.taskId))).toEqual(["completed", "running", "completed"]);
  });
});
