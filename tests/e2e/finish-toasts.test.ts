import { basename } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { makeImage, makeVideo } from "../support/media-fixtures";
import { uploadThroughPage } from "../support/task-pages";
import { startWorker, type WorkerProcess } from "../support/worker-process";

const baseUrl = inject("baseUrl");
let browser: Browser;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
});

/** Submits a thumbnail of a new picture from New task (no worker runs yet), landing on My tasks. */
async function submitThumbnail(page: Page, locale: "en" | "zh", spoil = false): Promise<string> {
  const picture = await makeImage({ width: 160 + Math.floor(Math.random() * 100), height: 120 });
  await page.goto(`${baseUrl}/${locale}/tasks/new`);
  await page.locator('input[name="type"][value="thumbnail"]').check();
  await uploadThroughPage(page, picture);
  const stored = await getDb().file.findFirstOrThrow({ where: { name: basename(picture) }, orderBy: { createdAt: "desc" } });
  // The stored bytes vanish before the job runs, so that task cannot succeed.
  if (spoil) await getStorage().delete(stored.storageKey);
  await page.getByRole("button", { name: (locale === "en" ? en : zh).newTask.submit }).click();
  await page.waitForURL(`${baseUrl}/${locale}/tasks`);
  await page.locator('li[data-status="pending"]').first().waitFor();
  return stored.id;
}

describe("toasts that follow the visitor through the app", () => {
  it("zh: a task finishing while the visitor is on the home page brings a toast with Download and a link to the task", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const fileId = await submitThumbnail(page, "zh");
    // Within the app the layout (and its one live-updates stream) stays while the page changes.
    await page.getByRole("link", { name: zh.meta.siteName }).click();
    await page.waitForURL(`${baseUrl}/zh`);
    await page.locator('body[data-live-updates="open"]').waitFor();
    worker ??= await startWorker();

    const toast = page.locator("[data-sonner-toast]").filter({ hasText: zh.tasks.finishedToast.replace("{type}", zh.taskType.thumbnail) });
    await toast.first().waitFor({ timeout: 90_000 });
    await saveScreenshot(page, "finish-toast-home-zh");
    const taskId = (await getDb().task.findFirstOrThrow({ where: { inputs: { some: { fileId } } } })).id;
    expect(await toast.first().getByRole("link", { name: zh.tasks.openTask }).getAttribute("href")).toBe(`/zh/tasks/${taskId}`);
    const [download] = await Promise.all([page.waitForEvent("download"), toast.first().getByRole("button", { name: zh.common.download }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.webp$/);
    await context.close();
  }, 120_000);

  it("en: a task failing while the visitor is on another page brings a toast whose Retry runs it again", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await worker?.stop();
    worker = undefined;
    const fileId = await submitThumbnail(page, "en", true);
    await page.getByRole("button", { name: en.nav.my, exact: true }).click();
    await page.getByRole("link", { name: en.nav.otherDevice }).click();
    await page.waitForURL(`${baseUrl}/en/transfer`);
    await page.locator('body[data-live-updates="open"]').waitFor();
    worker = await startWorker();

    const toast = page.locator("[data-sonner-toast]").filter({ hasText: en.tasks.failedToast.replace("{type}", en.taskType.thumbnail) });
    await toast.first().waitFor({ timeout: 90_000 });
    await toast.first().getByRole("button", { name: en.common.retry }).click();
    const attempts = async () => (await getDb().task.findFirstOrThrow({ where: { inputs: { some: { fileId } } } })).attempts;
    await expect.poll(attempts, { timeout: 90_000 }).toBe(2);
    await context.close();
  }, 120_000);

  it("en: an upload keeps going while the visitor opens My tasks, with a toast that follows it and leads back", async () => {
    const clip = await makeVideo({ seconds: 4, width: 640, height: 360 });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/tasks/new`);
    // A slow line, so the upload is still under way when the visitor leaves the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    await page.locator('input[type="file"]').setInputFiles(clip);
    await page.locator('li[data-upload="uploading"]').waitFor();
    await page.getByRole("link", { name: en.nav.myTasks }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);
    const following = page.locator("[data-sonner-toast]").filter({ hasText: /^Uploading 1 file/ });
    await following.first().waitFor();
    await saveScreenshot(page, "upload-toast-en");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const done = page.locator("[data-sonner-toast]").filter({ hasText: en.newTask.uploadsDoneToast });
    await done.first().waitFor({ timeout: 60_000 });
    await done.first().getByRole("link", { name: en.newTask.backToNewTask }).click();
    await page.waitForURL(`${baseUrl}/en/tasks/new`);
    await page.locator('li[data-upload="done"]').waitFor();
    expect(await getDb().file.count({ where: { name: basename(clip) } }), "stored once, by the upload that went on").toBe(1);
    await context.close();
  }, 90_000);
});
