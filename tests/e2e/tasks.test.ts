import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { makeImage, makeVideo } from "../support/media-fixtures";
import { probeFile, videoStream } from "../support/probe-file";
import { drawRegion, expectSameDocument, markDocument, sidewaysOverflow, uploadThroughPage, waitForToast } from "../support/task-pages";
import { startWorker, type WorkerProcess } from "../support/worker-process";

const baseUrl = inject("baseUrl");
const messages = { en, zh };
let browser: Browser;
let clip: string;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  [browser, clip] = await Promise.all([launchBrowser(), makeVideo({ seconds: 2, width: 320, height: 240 })]);
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
});

/** Upload the clip on New task, draw the watermark box, submit, and land on My tasks. */
async function createWatermarkTask(page: Page, locale: "en" | "zh"): Promise<void> {
  const m = messages[locale];
  await page.goto(`${baseUrl}/${locale}/tasks/new`);
  expect(await page.title()).toBe(`${m.newTask.title} · ${m.meta.siteName}`);
  await uploadThroughPage(page, clip);
  await expect(page.locator('li[data-upload="done"]').textContent()).resolves.toContain("320 × 240");
  const region = await drawRegion(page, [0.5, 0.1], [0.9, 0.4]);
  // Drawn on a frame shown at another size, stored in the video's own pixels.
  expect(region.x).toBeCloseTo(160, -1);
  expect(region.y).toBeCloseTo(24, -1);
  expect(region.width).toBeCloseTo(128, -1);
  expect(region.height).toBeCloseTo(72, -1);
  await saveScreenshot(page, `new-task-${locale}`);
  await page.getByRole("button", { name: m.newTask.submit }).click();
  await waitForToast(page, m.newTask.created);
  await page.waitForURL(`${baseUrl}/${locale}/tasks`);
}

/** Waits (without reloading) for the task's progress bar to reach 100, then downloads and probes the result. */
async function downloadWhenDone(page: Page, locale: "en" | "zh") {
  await markDocument(page);
  const row = page.locator("li[data-task-id]").first();
  await row.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 90_000 });
  await waitForToast(page, messages[locale].tasks.finishedToast.replace("{type}", messages[locale].taskType.watermark));
  await expectSameDocument(page);
  const [download] = await Promise.all([page.waitForEvent("download"), row.locator("a[download]").click()]);
  const saved = join(await mkdtemp(join(tmpdir(), "clipclean-download-")), download.suggestedFilename());
  await download.saveAs(saved);
  const video = videoStream(await probeFile(saved));
  expect([video?.width, video?.height]).toEqual([320, 240]);
  return { taskId: (await row.getAttribute("data-task-id"))! };
}

async function deleteOnlyTask(page: Page, locale: "en" | "zh"): Promise<void> {
  page.once("dialog", (dialog) => void dialog.accept());
  await page.locator("li[data-task-id]").getByRole("button", { name: messages[locale].common.delete }).click();
  await page.getByRole("heading", { name: messages[locale].tasks.emptyTitle }).waitFor();
}

describe("the visitor's journey through the pages", () => {
  it("zh on a 375 px phone: submit while no worker runs, cancel, retry, watch it finish, download, delete", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);

    await page.goto(`${baseUrl}/zh/tasks`);
    await page.getByRole("heading", { name: zh.tasks.emptyTitle }).waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "tasks-empty-zh");
    await page.getByRole("link", { name: zh.tasks.emptyAction }).click();
    await page.waitForURL(`${baseUrl}/zh/tasks/new`);

    await createWatermarkTask(page, "zh");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const row = page.locator("li[data-task-id]");
    await expect(row.getAttribute("data-status")).resolves.toBe("pending");
    await row.getByRole("button", { name: zh.common.cancel }).click();
    await page.locator('li[data-status="cancelled"]').waitFor();
    await row.getByRole("button", { name: zh.common.retry }).click();
    await page.locator('li[data-status="pending"]').waitFor();

    worker ??= await startWorker();
    const { taskId } = await downloadWhenDone(page, "zh");
    await saveScreenshot(page, "tasks-zh");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`${baseUrl}/zh/tasks/${taskId}`);
    await page.getByRole("heading", { name: zh.taskDetail.outputs }).waitFor();
    expect(await page.title()).toBe(`${zh.taskDetail.title.replace("{type}", zh.taskType.watermark)} · ${zh.meta.siteName}`);
    await page.getByTestId("region-box").waitFor();
    // The worker writes its log lines once; the page shows them in its own language.
    const logLines = page.locator("section", { has: page.getByRole("heading", { name: zh.taskDetail.logs }) }).locator("li");
    await logLines.filter({ hasText: zh.taskMessages.queued_again }).waitFor();
    await logLines.filter({ hasText: /去除位于 \d+,\d+、大小 \d+×\d+ 的水印/ }).waitFor();
    expect(await logLines.filter({ hasText: /Removing|Completed|Started/ }).count()).toBe(0);
    await saveScreenshot(page, "task-detail-zh");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole("navigation", { name: zh.nav.breadcrumb }).getByRole("link", { name: zh.nav.myTasks }).click();
    await deleteOnlyTask(page, "zh");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("en: per-file errors, the full run, and another visitor who sees nothing", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);

    await page.goto(`${baseUrl}/en/tasks/new`);
    await page.locator('input[type="file"]').setInputFiles({ name: "notes.mp4", mimeType: "video/mp4", buffer: Buffer.from("not a video at all") });
    await page.getByRole("alert").filter({ hasText: en.errors.unsupported_media }).waitFor();
    await saveScreenshot(page, "new-task-error-en");
    await page.getByRole("button", { name: en.newTask.removeFile.replace("{name}", "notes.mp4") }).click();

    worker ??= await startWorker();
    await createWatermarkTask(page, "en");
    const { taskId } = await downloadWhenDone(page, "en");
    await saveScreenshot(page, "tasks-en");
    await page.getByRole("link", { name: en.tasks.detailsOf.replace("{type}", en.taskType.watermark) }).click();
    await page.getByRole("heading", { name: en.taskDetail.outputs }).waitFor();
    await page.locator("video[controls]").waitFor();
    await saveScreenshot(page, "task-detail-en");

    const stranger: BrowserContext = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${baseUrl}/en/tasks`);
    await strangerPage.getByRole("heading", { name: en.tasks.emptyTitle }).waitFor();
    const response = await strangerPage.goto(`${baseUrl}/en/tasks/${taskId}`);
    expect(response?.status()).toBe(404);
    await expect(strangerPage.locator("h1").textContent()).resolves.toBe(en.notFound.title);
    const outputId = await page.locator("a[download]").first().getAttribute("href");
    expect((await strangerPage.request.get(`${baseUrl}${outputId}`)).status()).toBe(404);
    await stranger.close();

    await page.getByRole("navigation", { name: en.nav.breadcrumb }).getByRole("link", { name: en.nav.myTasks }).click();
    await deleteOnlyTask(page, "en");
    // The only console errors are the browser's own notes about the refused upload.
    expect(errors.filter((error) => !error.includes("status of 415"))).toEqual([]);
    await context.close();
  }, 180_000);

  it("en: merge clips reordered by buttons, drag and keyboard; a thumbnail from an image; filter by type", async () => {
    const [first, second, picture] = await Promise.all([
      makeVideo({ seconds: 1, width: 320, height: 240 }),
      makeVideo({ seconds: 1, width: 160, height: 120 }),
      makeImage({ width: 400, height: 300 }),
    ]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    worker ??= await startWorker();

    await page.goto(`${baseUrl}/en/tasks/new`);
    await page.getByRole("radio", { name: en.taskType.merge }).check();
    await page.locator('input[type="file"]').setInputFiles([first, second]);
    await page.locator('li[data-upload="done"]').nth(1).waitFor();
    const names = () => page.locator("li[data-upload] p[title]").allTextContents();
    const [a, b] = await names();
    const moveDown = (name: string) => page.getByRole("button", { name: `${en.common.moveDown}: ${name}` });
    await moveDown(a!).click();
    expect(await names()).toEqual([b, a]);
    await page.locator("li[data-upload]").nth(0).dragTo(page.locator("li[data-upload]").nth(1));
    expect(await names()).toEqual([a, b]);
    await moveDown(a!).focus();
    await page.keyboard.press("Enter");
    expect(await names()).toEqual([b, a]);
    await saveScreenshot(page, "new-task-merge-en");
    await page.getByRole("button", { name: en.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);

    await page.goto(`${baseUrl}/en/tasks/new`);
    await page.getByRole("radio", { name: en.taskType.thumbnail }).check();
    await uploadThroughPage(page, picture);
    await page.getByLabel(en.newTask.thumbnailWidth).fill("128");
    await page.getByRole("button", { name: en.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);

    await page.locator('li[data-status="completed"]').nth(1).waitFor({ timeout: 90_000 });
    await page.getByLabel(en.tasks.filterType).selectOption("merge");
    await page.locator("li[data-task-id]").filter({ hasText: en.taskType.thumbnail }).waitFor({ state: "detached" });
    expect(await page.locator("li[data-task-id]").count()).toBe(1);
    await page.getByRole("link", { name: en.tasks.detailsOf.replace("{type}", en.taskType.merge) }).click();
    await page.getByRole("heading", { name: en.taskDetail.inputs }).waitFor();
    const inputs = page.locator("section").filter({ has: page.getByRole("heading", { name: en.taskDetail.inputs }) }).locator("li p.truncate");
    expect(await inputs.allTextContents()).toEqual([b, a]);
    await saveScreenshot(page, "task-detail-merge-en");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("zh at 375 px: each task shows its short id with a copy button; the search box filters by id or file name and keeps ?q=", async () => {
    const [clipBytes, pictureBytes] = await Promise.all([readFile(clip), makeImage({ width: 120, height: 90 }).then((path) => readFile(path))]);
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    const uploadAndThumbnail = async (name: string, mimeType: string, buffer: Buffer) => {
      const uploaded = await (await page.request.post(`${baseUrl}/api/uploads`, { multipart: { file: { name, mimeType, buffer } } })).json();
      const created = await page.request.post(`${baseUrl}/api/tasks`, { data: { type: "thumbnail", inputs: [uploaded.files[0].id] } });
      return (await created.json()).task as { id: string; shortId: string };
    };
    const cat = await uploadAndThumbnail("猫咪_视频.mp4", "video/mp4", clipBytes);
    const dog = await uploadAndThumbnail("dog.png", "image/png", pictureBytes);

    await page.goto(`${baseUrl}/zh/tasks`);
    const rows = page.locator("li[data-task-id]");
    await rows.nth(1).waitFor();
    expect(await rows.locator("[data-short-id]").allTextContents()).toEqual([dog.shortId, cat.shortId]);
    const search = page.getByRole("searchbox", { name: zh.tasks.search });
    await search.fill("猫咪");
    await page.waitForURL(`${baseUrl}/zh/tasks?q=${encodeURIComponent("猫咪")}`);
    await rows.filter({ hasText: "dog.png" }).waitFor({ state: "detached" });
    expect(await rows.getAttribute("data-task-id")).toBe(cat.id);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "tasks-search-zh");

    const typed = `${dog.shortId.slice(0, 4).toLowerCase()}-${dog.shortId.slice(4)}`;
    await page.goto(`${baseUrl}/zh/tasks?q=${typed}`);
    await expect(search.inputValue()).resolves.toBe(typed);
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.getAttribute("data-task-id")).toBe(dog.id);
    await search.fill("");
    await rows.nth(1).waitFor();
    await page.waitForURL(`${baseUrl}/zh/tasks`);

    await page.goto(`${baseUrl}/zh/tasks/${cat.id}`);
    await page.locator("header [data-short-id]").filter({ hasText: cat.shortId }).waitFor();
    await page.getByRole("button", { name: zh.tasks.copyShortId.replace("{id}", cat.shortId) }).click();
    await waitForToast(page, zh.tasks.shortIdCopied.replace("{id}", cat.shortId));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cat.shortId);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "task-detail-short-id-zh");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("en: a task that fails while the page is open brings a toast whose Retry runs it again", async () => {
    const picture = await makeImage({ width: 200, height: 150 });
    const context = await browser.newContext();
    const page = await context.newPage();
    worker ??= await startWorker();

    await page.goto(`${baseUrl}/en/tasks/new`);
    await page.getByRole("radio", { name: en.taskType.thumbnail }).check();
    await uploadThroughPage(page, picture);
    // The stored bytes vanish before the job runs, so the task cannot succeed.
    const stored = await getDb().file.findFirstOrThrow({ where: { name: basename(picture) }, orderBy: { createdAt: "desc" } });
    await getStorage().delete(stored.storageKey);
    await page.getByRole("button", { name: en.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);

    const failedToast = page.locator("[data-sonner-toast]").filter({ hasText: en.tasks.failedToast.replace("{type}", en.taskType.thumbnail) });
    await failedToast.first().waitFor({ timeout: 90_000 });
    await page.locator('li[data-status="failed"]').waitFor();
    // Visitors read what went wrong in their language, never the server's file paths.
    expect(await page.locator('li[data-status="failed"]').textContent()).not.toContain(inject("dataDir"));
    await saveScreenshot(page, "tasks-failed-en");
    await failedToast.first().getByRole("button", { name: en.common.retry }).click();
    const attempt = async () => {
      const task = await getDb().task.findFirstOrThrow({ where: { inputs: { some: { fileId: stored.id } } } });
      return `${task.status} ${task.attempts}`;
    };
    await expect.poll(attempt, { timeout: 90_000 }).toBe("failed 2");
    // The second failure is announced too.
    await failedToast.first().waitFor();
    await page.locator('li[data-status="failed"]').waitFor();

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: en.tasks.clearFinished }).click();
    await page.getByRole("heading", { name: en.tasks.emptyTitle }).waitFor();
    await context.close();
  }, 180_000);
});
