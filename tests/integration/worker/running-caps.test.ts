import { afterAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { requestDispatch } from "@/lib/tasks/run/dispatch-tasks";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { waitFor } from "../../support/wait-for";
import { withTestBoss } from "../../support/with-worker";
import { startWorker, type WorkerProcess } from "../../support/worker-process";

const VISITORS = 20;
const TASKS_PER_VISITOR = 10;
const MAX_RUNNING_TOTAL = 5;
const MAX_RUNNING_PER_VISITOR = 1;

type Span = { id: string; visitorId: string; priority: number; createdAt: Date; start: number; end: number };

/** The highest number of spans open at once, overall and per visitor (an end at the same instant as a start comes first). */
function peakOverlap(spans: Span[]) {
  const events = spans.flatMap((span) => [
    { at: span.start, delta: 1, visitorId: span.visitorId },
    { at: span.end, delta: -1, visitorId: span.visitorId },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let total = 0;
  let peakTotal = 0;
  let peakPerVisitor = 0;
  const perVisitor = new Map<string, number>();
  for (const event of events) {
    total += event.delta;
    const visitor = (perVisitor.get(event.visitorId) ?? 0) + event.delta;
    perVisitor.set(event.visitorId, visitor);
    peakTotal = Math.max(peakTotal, total);
    peakPerVisitor = Math.max(peakPerVisitor, visitor);
  }
  return { peakTotal, peakPerVisitor };
}

type TaskRow = { id: string; visitorId: string; priority: number; createdAt: Date; startedAt: Date | null; finishedAt: Date | null };

const spanOf = (task: TaskRow): Span => ({
  id: task.id, visitorId: task.visitorId, priority: task.priority, createdAt: task.createdAt,
  start: task.startedAt!.getTime(), end: task.finishedAt!.getTime(),
});

withTestBoss();
const workers: WorkerProcess[] = [];

/**
 * Seeds `visitors` × `tasksPerVisitor` tiny thumbnail tasks (visitor by visitor, so plain
 * first-come-first-served would be unfair), runs them on two worker processes with `env`, and
 * returns them once all completed, with their running spans.
 */
async function runThumbnailTasks(options: { visitors: number; tasksPerVisitor: number; width: number; env: Record<string, string> }) {
  const db = getDb();
  const image = await makeImage({ width: 96, height: 64 });
  const expiresAt = new Date(Date.now() + 86_400_000);
  const visitorIds: string[] = [];
  for (let v = 0; v < options.visitors; v += 1) {
    const visitorId = await createVisitor();
    visitorIds.push(visitorId);
    const fileId = await storeUpload(visitorId, image);
    for (let n = 0; n < options.tasksPerVisitor; n += 1) {
      await db.task.create({
        data: {
          visitorId, type: "thumbnail", params: { width: options.width }, priority: n % 3, expiresAt,
          inputs: { create: [{ fileId, position: 0 }] },
        },
      });
    }
  }
  const started = await Promise.all([startWorker(options.env), startWorker(options.env)]);
  workers.push(...started);
  await requestDispatch({ reason: "test" });

  const tasks = await waitFor(async () => {
    const rows = await db.task.findMany({ where: { visitorId: { in: visitorIds }, type: "thumbnail", params: { equals: { width: options.width } } } });
    return rows.every((row) => row.status === "completed") && rows;
  }, { what: "all tasks to complete", timeoutMs: 120_000, intervalMs: 500 });
  await Promise.all(started.map((worker) => worker.stop()));

  return { tasks, spans: tasks.map(spanOf) };
}

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

describe("running caps across two worker processes", () => {
  test("never exceed the total or per-visitor cap, and every visitor's first task starts before any second one", async () => {
    const env = { MAX_RUNNING_TOTAL: String(MAX_RUNNING_TOTAL), MAX_RUNNING_PER_VISITOR: String(MAX_RUNNING_PER_VISITOR) };
    const { tasks, spans } = await runThumbnailTasks({ visitors: VISITORS, tasksPerVisitor: TASKS_PER_VISITOR, width: 32, env });

    expect(tasks).toHaveLength(VISITORS * TASKS_PER_VISITOR);
    const { peakTotal, peakPerVisitor } = peakOverlap(spans);
    expect(peakTotal).toBeLessThanOrEqual(MAX_RUNNING_TOTAL);
    expect(peakPerVisitor).toBeLessThanOrEqual(MAX_RUNNING_PER_VISITOR);
    expect(peakTotal).toBeGreaterThan(1);
    expect(new Set(tasks.map((task) => task.attempts))).toEqual(new Set([1]));

    const byVisitor = Map.groupBy(spans, (span) => span.visitorId);
    const firstStarts = [...byVisitor.values()].map((own) => Math.min(...own.map((span) => span.start)));
    const secondStarts = [...byVisitor.values()].map((own) => own.map((span) => span.start).sort((a, b) => a - b)[1]!);
    expect(Math.max(...firstStarts)).toBeLessThanOrEqual(Math.min(...secondStarts));

    for (const own of byVisitor.values()) {
      const started = [...own].sort((a, b) => a.start - b.start);
      const expected = [...own].sort((a, b) => b.priority - a.priority || a.createdAt.getTime() - b.createdAt.getTime());
      expect(started.map((span) => span.id)).toEqual(expected.map((span) => span.id));
    }
  });

  test("hold a per-type cap below the total one", async () => {
    const since = new Date();
    const env = { MAX_RUNNING_TOTAL: "5", MAX_RUNNING_PER_VISITOR: "5", MAX_RUNNING_THUMBNAIL: "2" };
    const { tasks } = await runThumbnailTasks({ visitors: 4, tasksPerVisitor: 8, width: 24, env });
    expect(tasks).toHaveLength(32);

    // The cap covers every thumbnail task that ran meanwhile, including any another test left behind.
    const now = new Date();
    const thumbnails = await getDb().task.findMany({
      where: { type: "thumbnail", startedAt: { not: null }, OR: [{ finishedAt: { gte: since } }, { status: "running" }] },
    });
    const spans = thumbnails.map((task) => spanOf({ ...task, finishedAt: task.finishedAt ?? now }));
    expect(peakOverlap(spans).peakTotal).toBe(2);
  });
});
