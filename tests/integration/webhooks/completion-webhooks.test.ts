import { Readable } from "node:stream";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import zh from "@/messages/zh.json";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../../support/webhook-receiver";
import { startWorker, type WorkerProcess } from "../../support/worker-process";

// Loopback receivers need the allow flag; a 1 s first retry delay keeps the retry test short.
const webhookEnv = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_DELAY_SECONDS: "1" };

let server: WebServer;
let worker: WorkerProcess;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver((request, nth, response) => {
    if (request.path === "/flaky" && nth === 1) return 500;
    if (request.path === "/redirect") {
      response.setHeader("location", `${receiver.origin}/landed`);
      return 302;
    }
  });
  server = await startWebServer({
    DATABASE_URL: inject("databaseUrl"),
    DATA_DIR: inject("dataDir"),
    SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters",
    ...webhookEnv,
  });
  worker = await startWorker(webhookEnv);
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await receiver?.close();
});

/** A visitor of the webhook-enabled server with their signing secret and one uploaded file. */
async function visitorWithUpload(path: string, locale?: "en" | "zh"): Promise<{ visitor: ApiVisitor; secret: string; fileId: string }> {
  const visitor = apiVisitor({ baseUrl: server.baseUrl, locale });
  const { body: me } = await visitor.json("/api/me");
  const { status, body } = await visitor.upload([{ path }]);
  expect(status).toBe(201);
  return { visitor, secret: me.webhookSecret, fileId: body.files[0].id };
}

async function createTask(visitor: ApiVisitor, body: object): Promise<string> {
  const created = await visitor.json("/api/tasks", { method: "POST", body });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  return created.body.task.id;
}

function webhooksFor(taskId: string, path: string): ReceivedWebhook[] {
  return receiver.received.filter((webhook) => webhook.path === path && webhook.body.includes(taskId));
}

/** The receiver's side of Standard Webhooks: throws unless the signature is the secret's. */
function verified(webhook: ReceivedWebhook, secret: string) {
  const headers = Object.fromEntries(["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(webhook.headers[name])]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return new Webhook(secret).verify(webhook.body, headers) as any;
}

async function logMessages(visitor: ApiVisitor, taskId: string, query = ""): Promise<string[]> {
  const { body } = await visitor.json(`/api/tasks/${taskId}/logs${query}`);
  return body.logs.map((line: { message: string }) => line.message);
}

describe("completion webhooks", () => {
  it("gives each visitor one stable whsec_ secret", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    const first = (await visitor.json("/api/me")).body.webhookSecret;
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((await visitor.json("/api/me")).body.webhookSecret).toBe(first);
    expect((await apiVisitor({ baseUrl: server.baseUrl }).json("/api/me")).body.webhookSecret).not.toBe(first);
  });

  it("posts task.completed, signed with the visitor's secret, with the task as the API shows it", async () => {
    const { visitor, secret, fileId } = await visitorWithUpload(await makeImage({ width: 200, height: 100 }));
    const taskId = await createTask(visitor, { type: "thumbnail", inputs: [fileId], params: { width: 64 }, notifyUrl: `${receiver.origin}/done` });

    const [webhook] = await waitFor(async () => webhooksFor(taskId, "/done").length > 0 && webhooksFor(taskId, "/done"), { what: "the webhook" });
    expect(webhook!.headers["content-type"]).toBe("application/json");
    const event = verified(webhook!, secret);
    expect(event).toMatchObject({ type: "task.completed", timestamp: expect.any(String), data: { task: { id: taskId, status: "completed", error: null } } });
    const { body } = await visitor.json(`/api/tasks/${taskId}`);
    expect(event.data.task.outputs.map((file: { id: string }) => file.id)).toEqual(body.task.outputs.map((file: { id: string }) => file.id));
    expect(event.data.task.outputs).toHaveLength(1);
    const otherSecret = (await apiVisitor({ baseUrl: server.baseUrl }).json("/api/me")).body.webhookSecret;
    expect(() => verified(webhook!, otherSecret)).toThrow();

    const logs = await waitFor(async () => {
      const messages = await logMessages(visitor, taskId);
      return messages.some((line) => line.includes("delivered")) && messages;
    }, { what: "the delivery's log line" });
    expect(logs).toContain("Webhook task.completed, attempt 1 of 7: delivered (HTTP 200).");
  });

  it("posts task.failed with the error in the language of the request that asked for the webhook", async () => {
    const { visitor, secret, fileId } = await visitorWithUpload(await makeImage({ width: 64, height: 64 }), "zh");
    const file = await getDb().file.findUniqueOrThrow({ where: { id: fileId } });
    await getStorage().put(file.storageKey, Readable.from([Buffer.from("not a picture any more")]));
    const taskId = await createTask(visitor, { type: "thumbnail", inputs: [fileId], notifyUrl: `${receiver.origin}/failed` });

    const [webhook] = await waitFor(async () => webhooksFor(taskId, "/failed").length > 0 && webhooksFor(taskId, "/failed"), { what: "the webhook" });
    const event = verified(webhook!, secret);
    expect(event.type).toBe("task.failed");
    expect(event.data.task).toMatchObject({ id: taskId, status: "failed", message: "失败", error: { code: "invalid_input", message: zh.errors.invalid_input } });
  });

  it("shows the task's message and log lines in the reader's language, and text-only rows as they were stored", async () => {
    const { visitor, secret, fileId } = await visitorWithUpload(await makeVideo({ seconds: 2, width: 160, height: 120 }), "zh");
    const taskId = await createTask(visitor, { type: "thumbnail", inputs: [fileId], notifyUrl: `${receiver.origin}/zh` });

    const [webhook] = await waitFor(async () => webhooksFor(taskId, "/zh").length > 0 && webhooksFor(taskId, "/zh"), { what: "the webhook" });
    expect(verified(webhook!, secret).data.task).toMatchObject({ status: "completed", message: "已完成" });
    const inChinese = await waitFor(async () => {
      const messages = await logMessages(visitor, taskId);
      return messages.some((line) => line.includes("已送达")) && messages;
    }, { what: "the delivery's log line" });
    expect(inChinese).toEqual([
      "任务已创建（生成缩略图）。", "已开始", "生成 256 像素 WebP 缩略图（1 秒处）", "已完成", "Webhook task.completed，第 1/7 次尝试：已送达（HTTP 200）。",
    ]);
    expect(await logMessages(visitor, taskId, "?locale=en")).toEqual([
      "Task created (thumbnail).", "Started", "Making a 256 px WebP thumbnail at 1s", "Completed", "Webhook task.completed, attempt 1 of 7: delivered (HTTP 200).",
    ]);
    expect((await visitor.json(`/api/tasks/${taskId}`)).body.task.message).toBe("已完成");
    expect((await visitor.json(`/api/tasks/${taskId}?locale=en`)).body.task.message).toBe("Completed");

    // Rows written before messages had codes keep their text, in every language.
    await getDb().task.update({ where: { id: taskId }, data: { message: "Done", messageCode: null } });
    await getDb().taskLog.create({ data: { taskId, level: "info", message: "Task finished." } });
    expect((await visitor.json(`/api/tasks/${taskId}`)).body.task.message).toBe("Done");
    expect((await logMessages(visitor, taskId)).at(-1)).toBe("Task finished.");
  });

  it("posts task.cancelled once when the visitor cancels", async () => {
    const { visitor, secret, fileId } = await visitorWithUpload(await makeVideo({ seconds: 20, width: 320, height: 240, audio: false }));
    const region = { x: 10, y: 10, width: 50, height: 30 };
    const taskId = await createTask(visitor, { type: "watermark", inputs: [fileId], params: { region }, notifyUrl: `${receiver.origin}/cancelled` });
    expect((await visitor.json(`/api/tasks/${taskId}/cancel`, { method: "POST" })).status).toBe(200);

    const [webhook] = await waitFor(async () => webhooksFor(taskId, "/cancelled").length > 0 && webhooksFor(taskId, "/cancelled"), { what: "the webhook" });
    expect(verified(webhook!, secret)).toMatchObject({ type: "task.cancelled", data: { task: { id: taskId, status: "cancelled" } } });
    const jobs = await getDb().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'task-webhook' AND data->>'taskId' = ${taskId}`;
    expect(jobs).toEqual([{ count: 1 }]);
  });

  it("retries a receiver that answered 500, with the same webhook id, and logs each attempt", async () => {
    const { visitor, secret, fileId } = await visitorWithUpload(await makeImage({ width: 64, height: 64 }));
    const taskId = await createTask(visitor, { type: "thumbnail", inputs: [fileId], notifyUrl: `${receiver.origin}/flaky` });

    const attempts = await waitFor(async () => webhooksFor(taskId, "/flaky").length >= 2 && webhooksFor(taskId, "/flaky"), { what: "the retry" });
    expect(attempts.map((webhook) => verified(webhook, secret).type)).toEqual(["task.completed", "task.completed"]);
    expect(attempts[1]!.headers["webhook-id"]).toBe(attempts[0]!.headers["webhook-id"]);
    const logs = await waitFor(async () => {
      const messages = await logMessages(visitor, taskId);
      return messages.some((line) => line.includes("attempt 2")) && messages;
    }, { what: "the second attempt's log line" });
    expect(logs).toContain("Webhook task.completed, attempt 1 of 7: failed (HTTP 500); will try again later.");
    expect(logs).toContain("Webhook task.completed, attempt 2 of 7: delivered (HTTP 200).");
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    const { visitor, fileId } = await visitorWithUpload(await makeImage({ width: 64, height: 64 }));
    const taskId = await createTask(visitor, { type: "thumbnail", inputs: [fileId], notifyUrl: `${receiver.origin}/redirect` });

    const logs = await waitFor(async () => {
      const messages = await logMessages(visitor, taskId);
      return messages.some((line) => line.includes("HTTP 302")) && messages;
    }, { what: "the redirected attempt's log line" });
    expect(logs).toContain("Webhook task.completed, attempt 1 of 7: failed (HTTP 302); will try again later.");
    expect(receiver.received.filter((webhook) => webhook.path === "/landed")).toEqual([]);
  });
});
