/**
 * The operators' API (/api/admin/*) on a database of this file's own: admission and places in line
 * count every visitor's tasks, so other files' rows must not be in it. No worker runs: the test admits
 * tasks itself (dispatchTasks) to see which one goes first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/queue/get-boss";
import { dispatchTasks } from "@/lib/tasks/run/dispatch-tasks";
import { operatorTaskPageSchema, operatorTaskViewSchema } from "@/lib/tasks/task-view";
import en from "@/messages/en.json";
import { basicAuth, TEST_ADMIN_PASSWORD } from "../../support/dashboard-server";
import { withOwnDatabase } from "../../support/own-database";
import { startTestBoss } from "../../support/seed-tasks";
import { startWebServer, type WebServer } from "../../support/web-server";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const database = withOwnDatabase();
let server: WebServer;

beforeAll(async () => {
  await startTestBoss();
  server = await startWebServer({
    DATABASE_URL: database.url, DATA_DIR: inject("dataDir"), SESSION_SECRET: "x".repeat(32), ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, STUCK_AFTER_MINUTES: "10",
  });
});
afterAll(async () => {
  await server?.stop();
  await stopBoss();
});

type Call = { method?: string; body?: unknown; authorization?: string | null; headers?: Record<string, string> };

async function admin(path: string, { method = "GET", body, authorization = basicAuth(TEST_ADMIN_PASSWORD), headers = {} }: Call = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> & { error?: { code: string; field?: string } } };
}

const listed = async (query: string) => operatorTaskPageSchema.parse((await admin(`/api/admin/tasks?${query}`)).body);

let clock = Date.now() - 10 * MINUTE_MS;
const visitor = async () => (await getDb().visitor.create({ data: {} })).id;
async function task(visitorId: string, data: Record<string, unknown> = {}) {
  const created = await getDb().task.create({
    data: { visitorId, type: "thumbnail", createdAt: new Date((clock += 1000)), expiresAt: new Date(Date.now() + DAY_MS), ...data },
  });
  return created.id;
}
const statusOf = async (id: string) => (await getDb().task.findUniqueOrThrow({ where: { id } })).status;

/** Admits exactly one task (the first in line) and returns its id. */
async function admitOne(): Promise<string> {
  getConfig().limits.maxRunningTotal = (await getDb().task.count({ where: { status: "running" } })) + 1;
  expect(await dispatchTasks()).toBe(1);
  return (await getDb().task.findFirstOrThrow({ where: { status: "running" }, orderBy: { startedAt: "desc" } })).id;
}

describe("operator access", () => {
  it("is 404 without ADMIN_PASSWORD, 401 with a challenge for a missing or wrong password, pages and API alike", async () => {
    for (const path of ["/api/admin/tasks", "/api/admin/admission", "/admin"]) {
      const unset = await fetch(`${inject("baseUrl")}${path}`, { headers: { authorization: basicAuth(TEST_ADMIN_PASSWORD) } });
      expect(unset.status, path).toBe(404);
      expect(unset.headers.get("www-authenticate")).toBeNull();
      for (const authorization of [null, basicAuth("wrong-password-0123456789")]) {
        const refused = await admin(path, { authorization });
        expect(refused.status, path).toBe(401);
        expect(refused.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
        expect(refused.body.error).toEqual({ code: "unauthorized", message: en.errors.unauthorized });
      }
    }
    // Whatever the method: another method of an operator route is no hint that it exists.
    expect((await fetch(`${inject("baseUrl")}/api/admin/tasks`, { method: "DELETE" })).status).toBe(404);
    expect((await admin("/api/admin/tasks", { method: "DELETE", authorization: null })).status).toBe(401);
    const notAllowed = await admin("/api/admin/tasks", { method: "DELETE" });
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect((await admin("/admin")).status).toBe(200);
    // A browser resends basic auth to any site's form: writes from another origin are refused.
    const crossSite = await admin("/api/admin/admission", { method: "PUT", body: { paused: true }, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
  });
});

describe("GET /api/admin/tasks", () => {
  it("lists tasks across visitors with their visitor and priority, filtered by status, type, error code, visitor, age and stuck", async () => {
    const [a, b] = [await visitor(), await visitor()];
    const failed = await task(a, { status: "failed", errorCode: "timeout", errorMessage: "x", createdAt: new Date(Date.now() - 3 * 60 * MINUTE_MS) });
    const stuck = await task(b, { status: "running", startedAt: new Date(Date.now() - 30 * MINUTE_MS), progressedAt: new Date(Date.now() - 20 * MINUTE_MS), progress: 40 });
    const moving = await task(b, { status: "running", startedAt: new Date(Date.now() - 30 * MINUTE_MS), progressedAt: new Date(), progress: 60 });
    const waiting = await task(b, { type: "merge", priority: 2 });

    const all = await listed("");
    expect(all.total).toBe(4);
    expect(all.tasks.map((shown) => shown.id)).toEqual([waiting, moving, stuck, failed]);
    expect(all.tasks[0]).toMatchObject({ visitorId: b, priority: 2, status: "pending", queuePosition: 1 });
    expect((await listed(`status=failed`)).tasks).toMatchObject([{ id: failed, visitorId: a, error: { code: "timeout" } }]);
    expect((await listed(`type=merge`)).tasks.map((shown) => shown.id)).toEqual([waiting]);
    expect((await listed(`errorCode=timeout`)).tasks.map((shown) => shown.id)).toEqual([failed]);
    expect((await listed(`visitorId=${b}&status=running`)).tasks.map((shown) => shown.id)).toEqual([moving, stuck]);
    expect((await listed(`stuck=true`)).tasks.map((shown) => shown.id)).toEqual([stuck]);
    expect((await listed(`olderThanMinutes=60`)).tasks.map((shown) => shown.id)).toEqual([failed]);
    expect((await listed(`pageSize=1&page=2`)).tasks.map((shown) => shown.id)).toEqual([moving]);
    expect((await admin(`/api/admin/tasks?status=lost`)).body.error).toMatchObject({ code: "invalid_params", field: "status" });
    await getDb().task.deleteMany({});
  });
});

describe("priority", () => {
  it("orders a visitor's own tasks and breaks ties between visitors at the same fair-share level, never above a lower level", async () => {
    getConfig().limits.maxRunningPerVisitor = 5;
    const [a, b] = [await visitor(), await visitor()];
    // b started something recently, so without priorities a (never started) would go first.
    await task(b, { status: "completed", startedAt: new Date(), finishedAt: new Date() });
    const [a1, a2] = [await task(a), await task(a)];
    const b1 = await task(b);

    const raised = await admin(`/api/admin/tasks/${b1}`, { method: "PATCH", body: { priority: 5 } });
    expect(raised.status).toBe(200);
    expect(operatorTaskViewSchema.parse(raised.body.task)).toMatchObject({ id: b1, priority: 5, queuePosition: 1, visitorId: b });
    expect((await getDb().taskLog.findMany({ where: { taskId: b1 } })).map((line) => line.message)).toContain(en.taskMessages.priority_set.replace("{priority}", "5"));
    expect(await admitOne(), "the raised task wins the tie at level 1").toBe(b1);

    expect((await admin(`/api/admin/tasks/${a2}`, { method: "PATCH", body: { priority: 3 } })).status).toBe(200);
    expect(await admitOne(), "a's raised task goes before its older one").toBe(a2);

    // b now has one running: however high its next task, it waits behind a's task at the lower level.
    const b2 = await task(b);
    expect((await admin(`/api/admin/tasks/${b2}`, { method: "PATCH", body: { priority: 10 } })).status).toBe(200);
    getConfig().limits.maxRunningPerVisitor = 1_000;
    await getDb().task.update({ where: { id: a2 }, data: { status: "completed", finishedAt: new Date() } });
    expect(await admitOne(), "priority never lifts a task above a lower fair-share level").toBe(a1);

    expect((await admin(`/api/admin/tasks/${a1}`, { method: "PATCH", body: { priority: 1 } })).body.error?.code, "only pending tasks").toBe("conflict");
    for (const body of [{ priority: 11 }, { priority: 1.5 }, { priority: "1" }, {}, { priority: 1, extra: true }]) {
      const refused = await admin(`/api/admin/tasks/${b2}`, { method: "PATCH", body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error?.code).toBe("invalid_params");
    }
    expect((await admin(`/api/admin/tasks/0190a0a0-0000-7000-8000-000000000000`, { method: "PATCH", body: { priority: 1 } })).status).toBe(404);
    await getDb().task.deleteMany({});
  });
});

describe("admission", () => {
  it("pauses (nothing is admitted, places hold) and resumes (a wake-up is sent, the first in line starts)", async () => {
    expect((await admin("/api/admin/admission")).body).toEqual({ paused: false });
    const owner = await visitor();
    const [first, second] = [await task(owner), await task(owner)];
    expect((await admin("/api/admin/admission", { method: "PUT", body: { paused: true } })).body).toEqual({ paused: true });
    expect((await admin("/api/admin/admission")).body).toEqual({ paused: true });
    getConfig().limits.maxRunningTotal = 10;
    expect(await dispatchTasks(), "nothing starts while paused").toBe(0);
    expect((await listed(`visitorId=${owner}`)).tasks.map((shown) => shown.queuePosition)).toEqual([2, 1]);
    expect((await admin("/api/admin/admission", { method: "PUT", body: { paused: "no" } })).status).toBe(400);

    expect((await admin("/api/admin/admission", { method: "PUT", body: { paused: false } })).body).toEqual({ paused: false });
    const wakeUps = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'task-dispatch' AND state = 'created'`;
    expect(wakeUps[0]!.n, "resuming wakes the dispatcher").toBeGreaterThan(0);
    getConfig().limits.maxRunningPerVisitor = 1;
    expect(await dispatchTasks()).toBe(1);
    expect([await statusOf(first), await statusOf(second)]).toEqual(["running", "pending"]);
    await getDb().task.deleteMany({});
  });
});

describe("cancel and retry", () => {
  it("act on any visitor's task as its owner's would, with the same conflicts", async () => {
    const owner = await visitor();
    const id = await task(owner);
    const cancelled = await admin(`/api/admin/tasks/${id}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(operatorTaskViewSchema.parse(cancelled.body.task)).toMatchObject({ id, status: "cancelled", visitorId: owner });
    expect((await admin(`/api/admin/tasks/${id}/cancel`, { method: "POST" })).body.error?.code).toBe("conflict");
    const retried = await admin(`/api/admin/tasks/${id}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    expect(retried.body.task).toMatchObject({ id, status: "pending", visitorId: owner });
    expect((await admin(`/api/admin/tasks/${id}/retry`, { method: "POST" })).status).toBe(409);
    expect((await admin(`/api/admin/tasks/0190a0a0-0000-7000-8000-000000000000/cancel`, { method: "POST" })).status).toBe(404);
  });
});
