import { afterAll, describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { requestDispatch } from "@/lib/queue/request-dispatch";
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

const context = withTestBoss();
const workers: WorkerProcess[] = [];

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

describe("running caps across two worker processes", () => {
  test("never exceed the total or per-visitor cap, and every visitor's first task starts before any second one", async () => {
    const db = getDb();
    const image = await makeImage({ width: 96, height: 64 });
    const expiresAt = new Date(Date.now() + 86_400_000);
    // Visitor by visitor, so plain first-come-first-served would be unfair.
    for (let v = 0; v < VISITORS; v += 1) {
      const visitorId = await createVisitor();
      const fileId = await storeUpload(visitorId, image);
      for (let n = 0; n < TASKS_PER_VISITOR; n += 1) {
        await db.task.create({
          data: {
            visitorId, type: "thumbnail", params: { width: 32 }, priority: n % 3, expiresAt,
            inputs: { create: [{ fileId, position: 0 }] },
          },
        });
      }
    }
    const env = { MAX_RUNNING_TOTAL: String(MAX_RUNNING_TOTAL), MAX_RUNNING_PER_VISITOR: String(MAX_RUNNING_PER_VISITOR) };
    workers.push(...(await Promise.all([startWorker(env), startWorker(env)])));
    await requestDispatch(context.boss, { reason: "test" });

    const tasks = await waitFor(async () => {
      const rows = await db.task.findMany({ where: { type: "thumbnail", params: { equals: { width: 32 } } } });
      return rows.every((row) => row.status === "completed") && rows;
    }, { what: "all 200 tasks to complete", timeoutMs: 120_000, intervalMs: 500 });

    expect(tasks).toHaveLength(VISITORS * TASKS_PER_VISITOR);
    const spans: Span[] = tasks.map((task) => ({
      id: task.id, visitorId: task.visitorId, priority: task.priority, createdAt: task.createdAt,
      start: task.startedAt!.getTime(), end: task.finishedAt!.getTime(),
    }));
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
});
