import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import { makeVideo } from "../../support/media-fixtures";
import { waitForTaskEnd, waitForTaskProgress } from "../../support/run-task-to-end";
import { createVisitor, storeUpload, submitTask } from "../../support/seed-tasks";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy";
import { withOwnDatabase } from "../../support/own-database";
import { waitFor } from "../../support/wait-for";
import { withTestBoss } from "../../support/with-worker";
import { startWorker, type WorkerProcess } from "../../support/worker-process";
import { startWebServer, type WebServer } from "../../support/web-server";

// A database of its own: tasks other files left running or pending would take the slots its task needs.
const ownDatabase = withOwnDatabase();
withTestBoss();
const CUT_MS = 6_000;

describe("PostgreSQL restarted mid-run", () => {
  let proxy: TcpProxy;
  let server: WebServer;
  let worker: WorkerProcess;

  beforeAll(async () => {
    const database = new URL(ownDatabase.url);
    proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
    database.hostname = "127.0.0.1";
    database.port = String(proxy.port);
    const env = { DATABASE_URL: database.toString(), DATA_DIR: inject("dataDir") };
    server = await startWebServer({ ...env, SESSION_SECRET: "x".repeat(32) });
    worker = await startWorker(env);
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await proxy?.close();
  });

  test("the API answers 503 while it is gone and recovers, and the running task still reaches a final state", { timeout: 180_000 }, async () => {
    const me = await fetch(`${server.baseUrl}/api/me`);
    expect(me.status).toBe(200);
    const cookie = me.headers.get("set-cookie")!.split(";")[0]!;
    const visitorId = await createVisitor();
    const fileId = await storeUpload(visitorId, await makeVideo({ seconds: 60, width: 640, height: 480, audio: false }));
    const region = { x: 20, y: 20, width: 100, height: 60 };
    const taskId = await submitTask({ visitorId, type: "watermark", inputs: [fileId], params: { region } });
    await waitForTaskProgress(taskId, 60_000);

    await proxy.cut();
    const cutAt = Date.now();
    for (const path of ["/api/tasks", "/api/me"]) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, "accept-language": "en" } });
      expect(response.status, path).toBe(503);
      expect(await response.json(), path).toEqual({ error: { code: "unavailable", message: en.errors.unavailable } });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, CUT_MS - (Date.now() - cutAt))));
    await proxy.restore();

    const recovered = await waitFor(async () => {
      const response = await fetch(`${server.baseUrl}/api/tasks`, { headers: { cookie } });
      return response.status === 200 && response;
    }, { what: "the API to recover", timeoutMs: 30_000, intervalMs: 250 });
    expect(recovered.status).toBe(200);
    const task = await waitForTaskEnd(taskId, 150_000);
    if (task.status === "completed") {
      expect(task.outputs).toHaveLength(1);
      // Finishing waited for the database instead of giving the job up to a retry.
      expect(task.logs.map((line) => line.message)).not.toContainEqual(expect.stringMatching(/interrupted attempt/));
    } else {
      expect(task).toMatchObject({ status: "failed", errorCode: expect.any(String) });
    }
    expect(await getDb().task.count({ where: { id: taskId, status: "running" } })).toBe(0);
    expect(worker.output()).not.toMatch(/unhandled/i);
  });
});
