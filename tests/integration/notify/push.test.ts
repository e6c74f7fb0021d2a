import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../../support/browser";
import { makeImage } from "../../support/media-fixtures";
import { startPushReceiver, type Device, type PushReceiver } from "../../support/push-receiver";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";
import { startWorker, type WorkerProcess } from "../../support/worker-process";

let receiver: PushReceiver;
let server: WebServer;
let worker: WorkerProcess;

beforeAll(async () => {
  receiver = await startPushReceiver();
  // The push service is on loopback: this server and worker allow private networks, as tests may.
  const pushEnv = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", PUSH_RETRY_DELAY_SECONDS: "1" };
  [server, worker] = await Promise.all([
    startWebServer({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters", ...pushEnv }),
    // Node reads NODE_EXTRA_CA_CERTS when it starts: the worker, which sends the pushes, trusts the receiver's certificate.
    startWorker({ ...pushEnv, NODE_EXTRA_CA_CERTS: receiver.certificatePath }),
  ]);
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await receiver?.close();
});

const subscriptionsOf = async (visitor: ApiVisitor) => getDb().pushSubscription.findMany({ where: { visitorId: (await visitor.json("/api/me")).body.id } });

async function subscribe(visitor: ApiVisitor, device: Device): Promise<void> {
  const { status, body } = await visitor.json("/api/push/subscriptions", { method: "POST", body: device.subscription });
  expect(status, JSON.stringify(body)).toBe(201);
}

/** A finished thumbnail task of `visitor`'s, made from "holiday.png". */
async function finishTask(visitor: ApiVisitor): Promise<{ id: string; shortId: string }> {
  const upload = await visitor.upload([{ path: await makeImage({ width: 64, height: 48 }), name: "holiday.png" }]);
  const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [upload.body.files[0].id], params: { width: 32 } } });
  expect(created.status).toBe(202);
  return created.body.task;
}

describe("Web Push", () => {
  it("gives the VAPID key, takes up to 10 devices per visitor and refuses endpoints that are not https and public", async () => {
    const { body } = await apiVisitor({ baseUrl: server.baseUrl }).json("/api/push/key");
    expect(Buffer.from(body.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(body.publicKey, "base64url")[0]).toBe(4);

    const visitor = apiVisitor({ baseUrl: server.baseUrl, locale: "zh" });
    const devices = Array.from({ length: 11 }, () => receiver.newDevice());
    for (const device of devices.slice(0, 10)) await subscribe(visitor, device);
    await subscribe(visitor, devices[0]!); // the same browser again: still one row
    const eleventh = await visitor.json("/api/push/subscriptions", { method: "POST", body: devices[10]!.subscription });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error).toEqual({ code: "too_many_subscriptions", message: zh.errors.too_many_subscriptions.replace("{count}", "10") });
    expect(await subscriptionsOf(visitor)).toHaveLength(10);
    expect((await visitor.json("/api/push/subscriptions", { method: "DELETE", body: { endpoint: devices[0]!.subscription.endpoint } })).status).toBe(204);
    expect(await subscriptionsOf(visitor)).toHaveLength(9);

    const plain = { ...devices[10]!.subscription, endpoint: devices[10]!.subscription.endpoint.replace("https:", "http:") };
    const http = await visitor.json("/api/push/subscriptions", { method: "POST", body: plain });
    expect(http.body.error).toEqual({ code: "invalid_params", field: "endpoint", message: zh.invalidFields.endpoint });
    // Without WEBHOOK_ALLOW_PRIVATE_NETWORKS (the run's own server) a loopback push service is refused too.
    const loopback = await apiVisitor().json("/api/push/subscriptions", { method: "POST", body: devices[10]!.subscription });
    expect(loopback.status).toBe(400);
    expect(loopback.body.error).toEqual({ code: "invalid_params", field: "endpoint", message: en.invalidFields.endpoint });
    const badKeys = await visitor.json("/api/push/subscriptions", { method: "POST", body: { endpoint: devices[10]!.subscription.endpoint, keys: { p256dh: "x" } } });
    expect(badKeys.body.error.code).toBe("invalid_params");
  });

  it("pushes a finished task to a zh visitor's device, encrypted, VAPID-signed, kept a day, in Chinese", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl, locale: "zh" });
    const device = receiver.newDevice();
    await subscribe(visitor, device);
    const task = await finishTask(visitor);

    const push = await waitFor(async () => device.pushes[0], { timeoutMs: 30_000, what: "the push" });
    expect(receiver.rejected).toEqual([]);
    expect(push.vapidKey).toBe((await visitor.json("/api/push/key")).body.publicKey);
    expect(push.claims.aud).toBe(new URL(device.subscription.endpoint).origin);
    expect(push.claims.sub).toMatch(/^(mailto:|https:)/);
    expect(push.claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(push.ttl).toBeGreaterThanOrEqual(86_400);
    expect(push.message).toEqual({
      type: "task.completed",
      task: { id: task.id, type: "thumbnail", status: "completed" },
      title: `${zh.taskType.thumbnail}任务 ${task.shortId}：${zh.taskStatus.completed}`,
      body: zh.push.completedBody.replace("{names}", "holiday-thumbnail.webp"),
      url: `${server.baseUrl}/zh/tasks/${task.id}`,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(device.pushes).toHaveLength(1);
  });

  it("removes a device its push service no longer knows (410) and tries a busy one (503) again", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    const gone = receiver.newDevice(() => 410);
    const busy = receiver.newDevice((nth) => (nth === 1 ? 503 : 201));
    await subscribe(visitor, gone);
    await subscribe(visitor, busy);
    const task = await finishTask(visitor);

    await waitFor(async () => busy.pushes[1], { timeoutMs: 30_000, what: "the retried push" });
    expect(busy.pushes.map((push) => push.status)).toEqual([503, 201]);
    expect(busy.pushes[1]!.message).toMatchObject({ type: "task.completed", task: { id: task.id }, title: `${en.taskType.thumbnail} task ${task.shortId}: ${en.taskStatus.completed}` });
    await waitFor(async () => (await subscriptionsOf(visitor)).length === 1, { what: "the gone device removed" });
    expect((await subscriptionsOf(visitor)).map((row) => row.endpoint)).toEqual([busy.subscription.endpoint]);
    expect(gone.pushes.map((push) => push.status)).toEqual([410]);
  });
});

describe("Notify me on this device", () => {
  it("asks the browser and subscribes only after the click, shows pushes as notifications and turns off", { timeout: 120_000 }, async () => {
    const device = receiver.newDevice();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.grantPermissions(["notifications"], { origin: server.baseUrl });
      // Headless Chromium has no push service of its own (it would ask Google's): the browser's
      // subscribe() hands out this test's device instead, and records that it was called.
      await context.addInitScript((subscription) => {
        const calls: unknown[] = [];
        let current: object | null = null;
        Object.assign(window, { pushSubscribeCalls: calls });
        PushManager.prototype.subscribe = async function (options) {
          calls.push(options);
          const unsubscribe = async () => {
            current = null;
            return true;
          };
          current = { endpoint: subscription.endpoint, toJSON: () => ({ ...subscription, expirationTime: null }), unsubscribe };
          return current as PushSubscription;
        };
        PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
      }, device.subscription);
      const page = await context.newPage();
      const errors = watchConsoleErrors(page);
      await page.goto(`${server.baseUrl}/en/tasks`);
      const panel = page.getByTestId("push-panel");
      await panel.getByRole("status").getByText(en.push.stateOff).waitFor();
      expect(await page.evaluate(() => (window as unknown as { pushSubscribeCalls: unknown[] }).pushSubscribeCalls.length)).toBe(0);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
      expect(await getDb().pushSubscription.count({ where: { endpoint: device.subscription.endpoint } })).toBe(0);

      await panel.getByRole("button", { name: en.push.turnOn }).click();
      await panel.getByRole("status").getByText(en.push.stateOn).waitFor();
      await saveScreenshot(page, "push-panel-on");
      const stored = await getDb().pushSubscription.findUnique({ where: { endpoint: device.subscription.endpoint } });
      expect(stored).toMatchObject({ visitorId: (await (await page.request.get(`${server.baseUrl}/api/me`)).json()).id, locale: "en", origin: server.baseUrl });
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toBe(`${server.baseUrl}/push-worker.js`);
      const calls = await page.evaluate(() => (window as unknown as { pushSubscribeCalls: { userVisibleOnly: boolean; applicationServerKey: string }[] }).pushSubscribeCalls);
      expect(calls).toEqual([{ userVisibleOnly: true, applicationServerKey: (await apiVisitor({ baseUrl: server.baseUrl }).json("/api/push/key")).body.publicKey }]);


      // The push the server sends for this visitor's next task, handed to the service worker as a push
      // service would, becomes a notification that names the task and keeps its page to open.
      const cookie = (await context.cookies(server.baseUrl)).map(({ name, value }) => `${name}=${value}`).join("; ");
      const task = await finishTask(apiVisitor({ baseUrl: server.baseUrl, cookie }));
      const push = await waitFor(async () => device.pushes[0], { timeoutMs: 30_000, what: "the push" });
      const cdp = await context.newCDPSession(page);
      const registrationId = new Promise<string>((resolve) =>
        cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
          const registration = registrations.find((entry) => entry.scopeURL === `${server.baseUrl}/` && !entry.isDeleted);
          if (registration) resolve(registration.registrationId);
        }),
      );
      await cdp.send("ServiceWorker.enable");
      const delivery = { origin: server.baseUrl, registrationId: await registrationId, data: JSON.stringify(push.message) };
      // DevTools does not say whether the worker got the message: deliver until the notification shows
      // (one tag per task, so a repeat replaces it).
      const shown = await waitFor(
        async () => {
          await cdp.send("ServiceWorker.deliverPushMessage", delivery);
          await new Promise((resolve) => setTimeout(resolve, 500));
          return page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map(({ title, body, tag, data }) => ({ title, body, tag, data }))[0]);
        },
        { timeoutMs: 30_000, intervalMs: 500, what: "the notification" },
      );
      expect(shown).toEqual({
        title: `${en.taskType.thumbnail} task ${task.shortId}: ${en.taskStatus.completed}`,
        body: en.push.completedBody.replace("{names}", "holiday-thumbnail.webp"),
        tag: task.id,
        data: { url: `${server.baseUrl}/en/tasks/${task.id}` },
      });

      await panel.getByRole("button", { name: en.push.turnOff }).click();
      await panel.getByRole("status").getByText(en.push.stateOff).waitFor();
      expect(await getDb().pushSubscription.count({ where: { endpoint: device.subscription.endpoint } })).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
