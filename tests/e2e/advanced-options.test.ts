import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { makeImage } from "../support/media-fixtures";
import { becomeVisitor, sidewaysOverflow, uploadThroughPage } from "../support/task-pages";

const baseUrl = inject("baseUrl");
let browser: Browser;
let image: string;

beforeAll(async () => {
  [browser, image] = await Promise.all([launchBrowser(), makeImage({ width: 120, height: 90 })]);
});
afterAll(async () => {
  await browser?.close();
});

describe("webhooks from the New task page", () => {
  it("zh: a refused notify URL is explained under the field and nothing is created; a public one is sent with the task", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/tasks/new`);
    await page.locator('input[name="type"][value="thumbnail"]').check();
    await uploadThroughPage(page, image);
    await page.getByText(zh.newTask.advanced).click();
    const field = page.getByLabel(zh.newTask.notifyUrl);
    await field.fill("https://127.0.0.1/hooks");
    await page.getByRole("button", { name: zh.newTask.submit }).click();
    await page.locator('input[name="notify-url"][aria-invalid="true"]').waitFor();
    const explained = await page.locator("#notify-url-hint").textContent();
    expect(explained, "the server's refusal, in Chinese").toMatch(/[\u4e00-\u9fff]/);
    expect(explained).not.toBe(zh.newTask.notifyUrlHint);
    expect(page.url()).toContain("/zh/tasks/new");
    expect(await getDb().task.count({ where: { notifyUrl: "https://127.0.0.1/hooks" } })).toBe(0);
    expect(await sidewaysOverflow(page), "nothing overflows at 375 px").toBeLessThanOrEqual(0);
    await saveScreenshot(page, "advanced-options-zh-375");

    // A public address (an IP literal, so no name lookup is needed) is taken and stored with the task.
    await field.fill("https://93.184.215.14/hooks/clipclean");
    await page.getByRole("button", { name: zh.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/zh/tasks`);
    const id = await page.locator("li[data-task-id]").first().getAttribute("data-task-id");
    const task = await getDb().task.findUniqueOrThrow({ where: { id: id! } });
    expect(task.notifyUrl).toBe("https://93.184.215.14/hooks/clipclean");
    await context.close();
  }, 90_000);

  it("en: the webhook secret is the visitor's own, shown only when asked, and copies to the clipboard", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await becomeVisitor(page, baseUrl);
    await page.goto(`${baseUrl}/en/tasks/new`);
    const secret = ((await (await page.request.get(`${baseUrl}/api/me`)).json()) as { webhookSecret: string }).webhookSecret;
    expect(await page.getByText(secret).count(), "folded away until opened").toBe(0);
    await page.getByText(en.newTask.advanced).click();
    await page.getByText(secret).waitFor();
    await page.getByRole("button", { name: en.newTask.copyLabel.replace("{label}", en.newTask.webhookSecret) }).click();
    await page.getByText(en.newTask.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await context.close();
  }, 60_000);
});
