import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { apiVisitor, type ApiVisitor } from "../../support/api-visitor";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../../support/browser";
import { makeImage, makeVideo } from "../../support/media-fixtures";
import { startSmtpReceiver, type SmtpReceiver } from "../../support/smtp-receiver";
import { waitFor } from "../../support/wait-for";
import { startWebServer, type WebServer } from "../../support/web-server";
import { startWorker, type WorkerProcess } from "../../support/worker-process";

let smtp: SmtpReceiver;
let server: WebServer;
let worker: WorkerProcess;

/** Addresses whose next task mail the mail server refuses once. */
const busyFor = new Set<string>();

beforeAll(async () => {
  smtp = await startSmtpReceiver({
    refuse: (mail) => {
      const address = [mail.to ?? []].flat()[0]?.value[0]?.address ?? "";
      return mail.headerLines.some((line) => line.key === "list-unsubscribe") && busyFor.delete(address);
    },
  });
  const emailEnv = { SMTP_URL: smtp.url, EMAIL_FROM: "ClipClean <noreply@clipclean.test>", EMAIL_RETRY_DELAY_SECONDS: "1" };
  [server, worker] = await Promise.all([
    startWebServer({ DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("dataDir"), SESSION_SECRET: "test-session-secret-that-is-at-least-32-characters", ...emailEnv }),
    startWorker(emailEnv),
  ]);
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await smtp?.close();
});

const newAddress = (name = "a") => `${name}-${randomUUID().slice(0, 8)}@example.com`;

async function mailTo(address: string, nth = 1): Promise<ParsedMail> {
  return waitFor(async () => smtp.mailsTo(address)[nth - 1], { timeoutMs: 30_000, what: `mail ${nth} to ${address}` });
}

/** Asks for a code for `address` and returns the one mailed. */
async function requestCode(visitor: ApiVisitor, address: string): Promise<string> {
  const before = smtp.mailsTo(address).length;
  const { status, body } = await visitor.json("/api/me/email", { method: "PUT", body: { email: address } });
  expect(status, JSON.stringify(body)).toBe(202);
  const mail = await mailTo(address, before + 1);
  return mail.text!.match(/\b\d{6}\b/)![0];
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function confirmedVisitor(address: string): Promise<ApiVisitor> {
  const visitor = apiVisitor({ baseUrl: server.baseUrl });
  const code = await requestCode(visitor, address);
  expect((await visitor.json("/api/me/email/confirm", { method: "POST", body: { code } })).status).toBe(200);
  return visitor;
}

describe("email notifications", () => {
  it("are absent without SMTP_URL: the endpoints answer 404 and me.email is null", async () => {
    const visitor = apiVisitor();
    expect((await visitor.json("/api/me")).body.email).toBeNull();
    const put = await visitor.json("/api/me/email", { method: "PUT", body: { email: newAddress() } });
    expect(put.status).toBe(404);
    expect(put.body.error.code).toBe("not_found");
    expect((await visitor.json("/api/me/email/confirm", { method: "POST", body: { code: "123456" } })).status).toBe(404);
    expect((await visitor.json("/api/me/email", { method: "DELETE" })).status).toBe(404);
    expect((await visitor.json("/api/me", { method: "PATCH", body: { emailOnFinish: true } })).status).toBe(404);
  });

  it("mails a zh visitor the code in Chinese, refuses a wrong code in Chinese and confirms the right one", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl, locale: "zh" });
    const address = newAddress("zh");
    const code = await requestCode(visitor, address);
    const mail = smtp.mailsTo(address)[0]!;
    expect(mail.subject).toBe(zh.email.codeSubject.replace("{code}", code));
    expect(mail.text).toContain("验证码");
    expect(mail.from?.text).toContain("noreply@clipclean.test");

    const wrong = await visitor.json("/api/me/email/confirm", { method: "POST", body: { code: otherCode(code) } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "invalid_code", message: zh.errors.invalid_code });
    expect((await visitor.json("/api/me")).body.email).toEqual({ address: `z•••@example.com`, confirmed: false, notify: false });

    const right = await visitor.json("/api/me/email/confirm", { method: "POST", body: { code } });
    expect(right.status).toBe(200);
    expect(right.body.me.email).toEqual({ address: "z•••@example.com", confirmed: true, notify: true });
  });

  it("voids a code after five wrong ones", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    const code = await requestCode(visitor, newAddress());
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await visitor.json("/api/me/email/confirm", { method: "POST", body: { code: otherCode(code) } })).status).toBe(400);
    }
    const late = await visitor.json("/api/me/email/confirm", { method: "POST", body: { code } });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe("invalid_code");
    expect((await visitor.json("/api/me")).body.email.confirmed).toBe(false);
  });

  it("refuses a bad address or body with a message naming the field, and PATCH before confirming", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    const bad = await visitor.json("/api/me/email", { method: "PUT", body: { email: "not an address" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: "invalid_params", field: "email", message: en.invalidFields.email });
    const zhBad = await apiVisitor({ baseUrl: server.baseUrl, locale: "zh" }).json("/api/me/email", { method: "PUT", body: {} });
    expect(zhBad.body.error).toEqual({ code: "invalid_params", field: "email", message: zh.invalidFields.email });
    expect((await visitor.json("/api/me/email", { method: "PUT", body: "{" })).body.error.code).toBe("bad_request");
    expect((await visitor.json("/api/me/email/confirm", { method: "POST", body: { code: "12ab" } })).body.error.field).toBe("code");
    expect((await visitor.json("/api/me", { method: "PATCH", body: { emailOnFinish: "yes" } })).body.error.field).toBe("emailOnFinish");
    expect((await visitor.json("/api/me", { method: "PATCH", body: { emailOnFinish: true } })).status).toBe(409);
  });

  it("limits codes to 5 per visitor per hour and 3 per address per day", async () => {
    const visitor = apiVisitor({ baseUrl: server.baseUrl });
    for (let nth = 0; nth < 5; nth++) expect((await visitor.json("/api/me/email", { method: "PUT", body: { email: newAddress() } })).status).toBe(202);
    const sixth = await visitor.json("/api/me/email", { method: "PUT", body: { email: newAddress() } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe("rate_limited");

    const address = newAddress("shared");
    for (let nth = 0; nth < 3; nth++) {
      expect((await apiVisitor({ baseUrl: server.baseUrl }).json("/api/me/email", { method: "PUT", body: { email: address } })).status).toBe(202);
    }
    expect((await apiVisitor({ baseUrl: server.baseUrl }).json("/api/me/email", { method: "PUT", body: { email: address } })).status).toBe(429);
    expect(smtp.mailsTo(address)).toHaveLength(3);
  });

  it("mails once when a task finishes, with its link and one-click unsubscribe, which turns the mails off", async () => {
    const address = newAddress();
    const visitor = await confirmedVisitor(address);
    const upload = await visitor.upload([{ path: await makeImage({ width: 64, height: 48 }), name: "holiday.png" }]);
    const created = await visitor.json("/api/tasks", { method: "POST", body: { type: "thumbnail", inputs: [upload.body.files[0].id], params: { width: 32 } } });
    expect(created.status).toBe(202);
    const task = created.body.task;

    const mail = await mailTo(address, 2);
    expect(mail.subject).toBe(`${en.taskType.thumbnail} task ${task.shortId}: ${en.taskStatus.completed}`);
    expect(mail.text).toContain("holiday.png");
    expect(mail.text).toContain(`${server.baseUrl}/en/tasks/${task.id}`);
    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, "");
    const unsubscribeUrl = header("list-unsubscribe")!.match(/^<(.+)>$/)![1]!;
    expect(unsubscribeUrl).toMatch(new RegExp(`^${server.baseUrl}/api/email/unsubscribe/[0-9a-f-]{36}$`));
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mailsTo(address)).toHaveLength(2);

    // Opening the link only asks; the one-click POST (no cookie, as a mail client sends it) acts.
    const asked = await fetch(unsubscribeUrl, { headers: { "accept-language": "zh" } });
    expect(await asked.text()).toContain(zh.email.unsubscribeButton);
    expect((await visitor.json("/api/me")).body.email.notify).toBe(true);
    const posted = await fetch(unsubscribeUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(posted.status).toBe(200);
    expect((await visitor.json("/api/me")).body.email.notify).toBe(false);

    expect((await visitor.json("/api/me", { method: "PATCH", body: { emailOnFinish: true } })).body.me.email.notify).toBe(true);
    expect((await visitor.json("/api/me/email", { method: "DELETE" })).status).toBe(204);
    expect((await visitor.json("/api/me")).body.email).toBeNull();
    expect((await fetch(unsubscribeUrl, { method: "POST" })).status).toBe(404);
  });

  it("mails a pipeline once, for its last step, and tries again when the mail server is busy", async () => {
    const address = newAddress();
    const visitor = await confirmedVisitor(address);
    busyFor.add(address);
    const clip = await makeVideo({ seconds: 1, width: 160, height: 120, audio: false });
    const upload = await visitor.upload([{ path: clip, name: "one.mp4" }, { path: clip, name: "two.mp4" }]);
    const inputs = upload.body.files.map((file: { id: string }) => file.id);
    const created = await visitor.json("/api/pipelines", { method: "POST", body: { inputs, steps: [{ type: "merge" }, { type: "thumbnail", params: { width: 32 } }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const last = created.body.pipeline.tasks[1];

    const mail = await mailTo(address, 2);
    expect(smtp.refused.filter((refused) => refused.subject === mail.subject)).toHaveLength(1);
    expect(mail.subject).toBe(`${en.taskType.thumbnail} task ${last.shortId}: ${en.taskStatus.completed}`);
    const steps = (await visitor.json(`/api/pipelines/${created.body.pipeline.id}`)).body.pipeline.tasks;
    expect(steps.map((task: { status: string }) => task.status)).toEqual(["completed", "completed"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mailsTo(address)).toHaveLength(2);
  });

  it("forgets the address with the visitor (DELETE /api/me)", async () => {
    const visitor = await confirmedVisitor(newAddress());
    const { id } = (await visitor.json("/api/me")).body;
    expect(await getDb().visitorEmail.count({ where: { visitorId: id } })).toBe(1);
    expect((await visitor.json("/api/me", { method: "DELETE" })).status).toBe(204);
    expect(await getDb().visitorEmail.count({ where: { visitorId: id } })).toBe(0);
  });
});

describe("the My tasks panel", () => {
  it("takes an address and its code, toggles and removes it, in Chinese at 375 px; absent without SMTP_URL", { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      const errors = watchConsoleErrors(page);
      await page.goto(`${inject("baseUrl")}/en/tasks`);
      await page.getByRole("heading", { name: en.tasks.title, level: 1 }).waitFor();
      await expect(page.getByTestId("email-panel").count()).resolves.toBe(0);

      await page.goto(`${server.baseUrl}/zh/tasks`);
      const panel = page.getByTestId("email-panel");
      await panel.getByRole("heading", { name: zh.email.panelTitle }).waitFor();
      const address = newAddress("zh");
      await panel.getByLabel(zh.email.addressLabel).fill(address);
      await panel.getByRole("button", { name: zh.email.sendCode }).click();
      await panel.getByText(zh.email.codeSent.replace("{address}", "z•••@example.com")).waitFor();
      const code = (await mailTo(address)).text!.match(/\b\d{6}\b/)![0];

      await panel.getByLabel(zh.email.codeLabel).fill(otherCode(code));
      await panel.getByRole("button", { name: zh.email.confirm, exact: true }).click();
      await panel.getByRole("alert").getByText(zh.errors.invalid_code).waitFor();
      await panel.getByLabel(zh.email.codeLabel).fill(code);
      await panel.getByRole("button", { name: zh.email.confirm, exact: true }).click();
      await expect(panel.getByTestId("email-address").textContent()).resolves.toBe("z•••@example.com");
      const toggle = panel.getByRole("checkbox", { name: zh.email.notifyToggle });
      expect(await toggle.isChecked()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, "email-panel-zh");

      await toggle.uncheck();
      await waitFor(async () => (await (await page.request.get(`${server.baseUrl}/api/me`)).json()).email.notify === false, { what: "notify off" });
      await panel.getByRole("button", { name: zh.email.remove }).click();
      await panel.getByLabel(zh.email.addressLabel).waitFor();
      expect((await (await page.request.get(`${server.baseUrl}/api/me`)).json()).email).toBeNull();
      // The browser logs the wrong code's 400 answer; nothing else may fail.
      expect(errors.filter((error) => !error.includes("status of 400"))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
