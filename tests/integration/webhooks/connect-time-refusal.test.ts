import { randomUUID } from "node:crypto";
import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getTask } from "@/lib/tasks/get-task";
import { assertNotifyUrl } from "@/lib/webhooks/assert-notify-url";
import { deliverTaskWebhook } from "@/lib/tasks/notify/webhook-channel";
import { makeImage } from "../../support/media-fixtures";
import { createVisitor, storeUpload } from "../../support/seed-tasks";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

// This test process runs with WEBHOOK_ALLOW_PRIVATE_NETWORKS unset: deliveries go through the
// filtering agent, which checks the addresses a name resolves to when it connects.

/** A resolver under the test's control: every name resolves to `address`, as a rebinding DNS server would answer. */
const resolveEverythingTo = (address: string): LookupFunction =>
  ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  }) as LookupFunction;

let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
});

async function failedTaskWith(notifyUrl: string) {
  const visitorId = await createVisitor();
  const fileId = await storeUpload(visitorId, await makeImage({ width: 32, height: 32 }));
  const task = await getDb().task.create({
    data: {
      visitorId, type: "thumbnail", status: "failed", errorCode: "invalid_input", finishedAt: new Date(), notifyUrl,
      expiresAt: new Date(Date.now() + 3_600_000), inputs: { create: [{ fileId, position: 0 }] },
    },
  });
  const view = await getTask({ visitorId, taskId: task.id });
  const payload = { taskId: task.id, visitorId, notifyUrl, event: { type: "task.failed" as const, timestamp: new Date().toISOString(), data: { task: view } } };
  return { taskId: task.id, payload };
}

async function logsOf(taskId: string): Promise<string[]> {
  return (await getDb().taskLog.findMany({ where: { taskId }, orderBy: { id: "asc" } })).map((line) => line.message);
}

describe("webhook delivery checks the address it connects to", () => {
  it("refuses a name that passed the creation check but now resolves to 127.0.0.1 (DNS rebinding), and logs the failed attempt", async () => {
    const notifyUrl = `https://rebinding.example:${receiver.port}/hook`;
    await expect(assertNotifyUrl(notifyUrl, { resolve: async () => ["93.184.216.34"] })).resolves.toBeUndefined();
    const { taskId, payload } = await failedTaskWith(notifyUrl);

    await expect(deliverTaskWebhook({ webhookId: randomUUID(), attempt: 1, payload, lookup: resolveEverythingTo("127.0.0.1") })).rejects.toThrow();

    expect(receiver.connections()).toBe(0);
    const [line] = (await logsOf(taskId)).filter((message) => message.startsWith("Webhook"));
    expect(line).toMatch(/^Webhook task\.failed, attempt 1 of 7: failed \(.*127\.0\.0\.1.*not allowed.*\); will try again later\.$/);
  });

  it("refuses a literal loopback address stored before the rules (or the flag) changed", async () => {
    const { taskId, payload } = await failedTaskWith(`${receiver.origin}/hook`);

    await expect(deliverTaskWebhook({ webhookId: randomUUID(), attempt: 7, payload })).rejects.toThrow();

    expect(receiver.connections()).toBe(0);
    expect((await logsOf(taskId)).at(-1)).toMatch(/^Webhook task\.failed, attempt 7 of 7: failed \(.*not allowed.*\); no attempts left\.$/);
  });
});
