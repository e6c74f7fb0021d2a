import { describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";

const metricValue = (body: string, line: string) => {
  const found = body.split("\n").find((row) => row.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe("GET /api/metrics", () => {
  test("reports task counts, durations, running tasks and stored bytes from the database", async () => {
    const db = getDb();
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeImage({ width: 64, height: 48 }));
    const before = await (await fetch(`${inject("baseUrl")}/api/metrics`)).text();
    const expiresAt = new Date(Date.now() + 86_400_000);
    const startedAt = new Date(Date.now() - 12_000);
    await db.task.create({ data: { visitorId, type: "merge", status: "completed", startedAt, finishedAt: new Date(startedAt.getTime() + 10_000), expiresAt } });
    await db.task.create({ data: { visitorId, type: "merge", status: "running", startedAt, expiresAt } });
    await db.task.create({ data: { visitorId, type: "merge", status: "pending", expiresAt } });

    const response = await fetch(`${inject("baseUrl")}/api/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const body = await response.text();
    const grew = (line: string) => (metricValue(body, line) ?? 0) - (metricValue(before, line) ?? 0);
    expect(grew('clipclean_tasks_created_total{type="merge"}')).toBe(3);
    expect(grew('clipclean_tasks_finished_total{type="merge",status="completed"}')).toBe(1);
    expect(grew('clipclean_task_duration_seconds_bucket{type="merge",le="15"}')).toBe(1);
    expect(grew('clipclean_task_duration_seconds_bucket{type="merge",le="5"}')).toBe(0);
    expect(grew("clipclean_tasks_running")).toBe(1);
    expect(grew("clipclean_tasks_pending")).toBe(1);
    const file = await db.file.findUniqueOrThrow({ where: { id: fileId } });
    expect(metricValue(body, 'clipclean_stored_bytes{origin="upload"}')).toBeGreaterThanOrEqual(Number(file.size));
  });
});
