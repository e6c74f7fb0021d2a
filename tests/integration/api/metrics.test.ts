import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { TEST_METRICS_TOKEN } from "../../support/test-metrics-token";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";

const metricValue = (body: string, line: string) => {
  const found = body.split("\n").find((row) => row.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

const scrape = (init: RequestInit = {}, baseUrl = inject("baseUrl")) =>
  fetch(`${baseUrl}/api/metrics`, { ...init, headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}`, ...init.headers } });

const CREATED_MERGE = 'clipclean_tasks_created_total{type="merge"}';
const DAY_MS = 86_400_000;

describe("GET /api/metrics", () => {
  for (const [locale, messages] of [["en", en], ["zh", zh]] as const) {
    test(`answers 404 in the error shape without the right bearer token, and sets no cookie (${locale})`, async () => {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer wrong-token-0123456789" },
        { authorization: `Bearer ${TEST_METRICS_TOKEN}x` },
        { authorization: `Basic ${Buffer.from(`metrics:${TEST_METRICS_TOKEN}`).toString("base64")}` },
      ];
      for (const headers of attempts) {
        const response = await fetch(`${inject("baseUrl")}/api/metrics`, { headers: { ...headers, "accept-language": locale } });
        expect(response.status).toBe(404);
        expect(response.headers.get("set-cookie")).toBeNull();
        expect(await response.json()).toEqual({ error: { code: "not_found", message: messages.errors.not_found } });
      }
    });
  }

  test("reports task counts, durations, running tasks and stored bytes from the database", async () => {
    const db = getDb();
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeImage({ width: 64, height: 48 }));
    const uploaded = await db.file.findUniqueOrThrow({ where: { id: fileId } });
    const before = await (await scrape()).text();
    const expiresAt = new Date(Date.now() + DAY_MS);
    const startedAt = new Date(Date.now() - 12_000);
    await db.task.create({ data: { visitorId, type: "merge", status: "completed", startedAt, finishedAt: new Date(startedAt.getTime() + 10_000), expiresAt } });
    await db.task.create({ data: { visitorId, type: "merge", status: "running", startedAt, expiresAt } });
    await db.task.create({ data: { visitorId, type: "merge", status: "pending", expiresAt } });

    // Figures are recomputed at most every 10 s: wait for the scrape that sees the new rows.
    const response = await waitFor(
      async () => {
        const answer = await scrape();
        const text = await answer.text();
        return (metricValue(text, CREATED_MERGE) ?? 0) - (metricValue(before, CREATED_MERGE) ?? 0) === 3 && { answer, body: text };
      },
      { what: "metrics to show the new tasks", timeoutMs: 30_000, intervalMs: 500 },
    );
    // These rows are fakes no worker should ever pick up.
    await db.visitor.delete({ where: { id: visitorId } });

    expect(response.answer.status).toBe(200);
    expect(response.answer.headers.get("content-type")).toMatch(/^text\/plain/);
    const body = response.body;
    const grew = (line: string) => (metricValue(body, line) ?? 0) - (metricValue(before, line) ?? 0);
    expect(grew(CREATED_MERGE)).toBe(3);
    expect(grew('clipclean_tasks_finished_total{type="merge",status="completed"}')).toBe(1);
    expect(grew('clipclean_task_duration_seconds_bucket{type="merge",le="15"}')).toBe(1);
    expect(grew('clipclean_task_duration_seconds_bucket{type="merge",le="5"}')).toBe(0);
    expect(grew('clipclean_task_duration_seconds_count{type="merge"}')).toBe(1);
    expect(grew("clipclean_tasks_running")).toBe(1);
    expect(grew("clipclean_tasks_pending")).toBe(1);
    expect(metricValue(body, 'clipclean_stored_bytes{origin="upload"}')).toBeGreaterThanOrEqual(Number(uploaded.size));
  });

  test("concurrent scrapes share one computation, and a scrape within 10 s of it reuses its figures", async () => {
    const db = getDb();
    const computedAt = Date.now();
    const bodies = await Promise.all(Array.from({ length: 5 }, async () => (await scrape()).text()));
    expect(new Set(bodies).size).toBe(1);
    const visitorId = await createVisitor();
    await db.task.create({ data: { visitorId, type: "merge", status: "completed", expiresAt: new Date(Date.now() + DAY_MS) } });
    const soon = await (await scrape()).text();
    const stillWithinWindow = Date.now() - computedAt < 9_000;
    const expected = (metricValue(bodies[0]!, CREATED_MERGE) ?? 0) + 1;
    const later = await waitFor(
      async () => {
        const text = await (await scrape()).text();
        return metricValue(text, CREATED_MERGE) === expected && text;
      },
      { what: "the figures to be recomputed", timeoutMs: 30_000, intervalMs: 500 },
    );
    await db.visitor.delete({ where: { id: visitorId } });

    // Only judged when this test ran fast enough for the cache window to matter.
    if (stillWithinWindow) expect(soon).toBe(bodies[0]);
    expect(later).not.toBe(bodies[0]);
  });

  test("counters and the duration histogram do not go down when tasks are deleted", async () => {
    const db = getDb();
    const visitorId = await createVisitor();
    const startedAt = new Date(Date.now() - 20_000);
    const expiresAt = new Date(Date.now() + DAY_MS);
    await db.task.create({ data: { visitorId, type: "watermark", status: "completed", startedAt, finishedAt: new Date(startedAt.getTime() + 4_500), expiresAt } });
    await db.task.create({ data: { visitorId, type: "watermark", status: "failed", startedAt, finishedAt: new Date(), expiresAt } });
    const lines = [
      'clipclean_tasks_created_total{type="watermark"}',
      'clipclean_tasks_finished_total{type="watermark",status="completed"}',
      'clipclean_tasks_finished_total{type="watermark",status="failed"}',
      'clipclean_task_duration_seconds_bucket{type="watermark",le="5"}',
      'clipclean_task_duration_seconds_bucket{type="watermark",le="1"}',
      'clipclean_task_duration_seconds_count{type="watermark"}',
      'clipclean_task_duration_seconds_sum{type="watermark"}',
    ];
    const totalTasks = async () => {
      const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT (SELECT count(*) FROM tasks) + (SELECT coalesce(sum(count), 0) FROM deleted_task_counts) AS total`;
      return Number(row!.total);
    };
    const seesAll = async (expectedTotal: number) => {
      const text = await (await scrape()).text();
      const created = text.split("\n").filter((row) => row.startsWith("clipclean_tasks_created_total{"));
      return created.reduce((sum, row) => sum + Number(row.split(" ")[1]), 0) === expectedTotal && text;
    };
    const beforeDelete = await waitFor(async () => seesAll(await totalTasks()), { what: "metrics to show the tasks", timeoutMs: 30_000, intervalMs: 500 });

    await db.visitor.delete({ where: { id: visitorId } });
    // A task created afterwards tells when the figures have been recomputed.
    const markerVisitor = await createVisitor();
    await db.task.create({ data: { visitorId: markerVisitor, type: "thumbnail", status: "cancelled", expiresAt } });
    const afterDelete = await waitFor(async () => seesAll(await totalTasks()), { what: "metrics to be recomputed", timeoutMs: 30_000, intervalMs: 500 });
    await db.visitor.delete({ where: { id: markerVisitor } });

    // Sums are added up in another order once some come from deleted tasks: equal but for float rounding.
    for (const line of lines) expect(metricValue(afterDelete, line), line).toBeCloseTo(metricValue(beforeDelete, line)!, 6);
    expect(metricValue(afterDelete, 'clipclean_task_duration_seconds_bucket{type="watermark",le="5"}')).toBeGreaterThanOrEqual(1);
  });

  describe("without METRICS_TOKEN configured", () => {
    let server: WebServer;
    beforeAll(async () => {
      server = await startWebServer({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), SESSION_SECRET: "x".repeat(32) });
    });
    afterAll(async () => {
      await server?.stop();
    });

    test("answers 404 not_found even to a bearer token", async () => {
      const response = await scrape({}, server.baseUrl);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: en.errors.not_found } });
    });
  });
});
