import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { failLostTask } from "@/lib/tasks/run/fail-lost-task";
import { finishTask } from "@/lib/tasks/run/finish-task";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { withTestBoss } from "../../support/with-worker";

withTestBoss();

/** A task of a new visitor, as the dispatcher leaves it (running under a job), with or without a notifyUrl. */
async function runningTask(notifyUrl: string | null) {
  const visitorId = await createVisitor();
  const fileId = await storeUpload(visitorId, await makeImage({ width: 32, height: 32 }));
  const jobId = randomUUID();
  const task = await getDb().task.create({
    data: {
      visitorId, type: "thumbnail", status: "running", jobId, attempts: 1, startedAt: new Date(), notifyUrl,
      expiresAt: new Date(Date.now() + 3_600_000), inputs: { create: [{ fileId, position: 0 }] },
    },
  });
  return { visitorId, taskId: task.id, jobId };
}

async function webhookEvents(taskId: string) {
  const rows = await getDb().$queryRaw<{ data: { notifyUrl: string; event: { type: string; data: { task: { status: string; error: unknown } } } } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'task-webhook' AND data->>'taskId' = ${taskId}`;
  return rows.map((row) => row.data);
}

describe("every way a task ends queues its webhook, once", () => {
  const notifyUrl = "https://hooks.example/clipclean";

  // Nobody is meant to receive these: keep later test files' workers from trying.
  afterAll(async () => {
    await getDb().$executeRaw`DELETE FROM pgboss.job WHERE name = 'task-webhook' AND data->>'notifyUrl' = ${notifyUrl}`;
  });

  it("a failure (here a lost worker) queues task.failed with the task as it ended", async () => {
    const { taskId } = await runningTask(notifyUrl);
    expect(await failLostTask({ taskId })).toBe(true);
    const [event, ...more] = await webhookEvents(taskId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ notifyUrl, event: { type: "task.failed", data: { task: { status: "failed", error: { code: "worker_lost" } } } } });
  });

  it("a cancel queues task.cancelled; a stale finish afterwards changes nothing and queues nothing", async () => {
    const { visitorId, taskId, jobId } = await runningTask(notifyUrl);
    await cancelTask({ visitorId, taskId });
    expect(await finishTask({ taskId, jobId, outcome: { status: "cancelled" } })).toBe("skipped");
    expect((await webhookEvents(taskId)).map((job) => job.event.type)).toEqual(["task.cancelled"]);
  });

  it("a task without a notifyUrl queues none", async () => {
    const { taskId, jobId } = await runningTask(null);
    expect(await finishTask({ taskId, jobId, outcome: { status: "failed", code: "processing_failed", message: "boom" } })).toBe("failed");
    expect(await webhookEvents(taskId)).toEqual([]);
  });
});
