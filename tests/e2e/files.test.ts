import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { makeImage, makeVideo } from "../support/media-fixtures";
import { becomeVisitor, sidewaysOverflow } from "../support/task-pages";

const baseUrl = inject("baseUrl");
let browser: Browser;
let picture: Buffer;

beforeAll(async () => {
  [browser, picture] = await Promise.all([launchBrowser(), makeImage({ width: 120, height: 90 }).then((path) => readFile(path))]);
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Through the API with the page's cookie: an upload, a finished thumbnail task on it with a result
 * (stored here, so no worker is needed) and a second upload already past its expiry (grace period:
 * the row and bytes are still there).
 */
async function seedFiles(page: Page) {
  const upload = async (name: string) =>
    (await (await page.request.post(`${baseUrl}/api/uploads`, { multipart: { file: { name, mimeType: "image/png", buffer: picture } } })).json()).files[0];
  const photo = await upload("photo.png");
  const old = await upload("旧照片.png");
  await getDb().file.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const task = (await (await page.request.post(`${baseUrl}/api/tasks`, { data: { type: "thumbnail", inputs: [photo.id] } })).json()).task;
  await getDb().task.update({ where: { id: task.id }, data: { status: "completed", progress: 100, startedAt: new Date(), finishedAt: new Date() } });
  const key = `outputs/${task.id}/1-0.png`;
  await getStorage().put(key, Readable.from([picture]));
  const visitorId = (await getDb().file.findUniqueOrThrow({ where: { id: photo.id } })).visitorId;
  const result = await getDb().file.create({
    data: { visitorId, origin: "output", taskId: task.id, name: "photo-thumb.png", size: picture.length, mime: "image/png", kind: "image", width: 120, height: 90, storageKey: key, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return { photo, old, taskId: task.id as string, result };
}

describe("My files", () => {
  it("zh at 375 px: uploads and results with usage, the task that made a result, filters, an expired file's placeholder, deleting several", { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    // Seeded before the page opens: a task seen finishing while a page is open brings a toast over the header.
    const { photo, old, taskId, result } = await seedFiles(page);
    await page.goto(`${baseUrl}/zh/tasks`);

    // The "My" menu by keyboard: Enter opens it, the arrow keys move, Escape closes it back onto its button.
    const menu = page.getByRole("button", { name: zh.nav.my, exact: true });
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(zh.nav.myTasks);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(zh.nav.myFiles);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "my-menu-zh-375");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/zh/files`);
    expect(await page.title()).toBe(`${zh.files.title} · ${zh.meta.siteName}`);
    const rows = page.locator("li[data-file-id]");
    await rows.nth(2).waitFor();
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-file-id")))).toEqual([result.id, old.id, photo.id]);
    expect(Number(await page.getByRole("meter", { name: zh.files.usageLabel }).getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    const made = rows.nth(0).getByRole("link", { name: zh.files.madeBy });
    expect(await made.getAttribute("href")).toBe(`/zh/tasks/${taskId}`);
    const expired = page.locator(`li[data-file-id="${old.id}"]`);
    await expect(expired.getAttribute("data-expired")).resolves.toBe("true");
    await expired.getByRole("img", { name: zh.files.expired }).waitFor();
    expect(await expired.locator("img, a[download]").count()).toBe(0);
    expect(await rows.nth(0).locator("a[download]").count()).toBe(1);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    const breadcrumb = page.getByRole("navigation", { name: zh.nav.breadcrumb });
    expect(await breadcrumb.locator("ol > li").allTextContents()).toEqual([`${zh.nav.home}/`, zh.files.title]);
    expect(await breadcrumb.locator('[aria-current="page"]').textContent()).toBe(zh.files.title);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "files-zh");

    await page.getByLabel(zh.files.filterOrigin).selectOption("output");
    await rows.nth(1).waitFor({ state: "detached" });
    expect(await rows.getAttribute("data-file-id")).toBe(result.id);
    await page.getByLabel(zh.files.filterOrigin).selectOption("");
    await rows.nth(2).waitFor();

    await page.getByRole("checkbox", { name: zh.files.select.replace("{name}", "photo-thumb.png") }).check();
    await page.getByRole("checkbox", { name: zh.files.select.replace("{name}", "旧照片.png") }).check();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: zh.files.deleteSelected.replace("{count}", "2") }).click();
    // On a phone the toast rises from the bottom instead of covering the header.
    await page.locator('[data-sonner-toaster][data-y-position="bottom"] [data-sonner-toast]').filter({ hasText: zh.files.deleted.replace("{count}", "2") }).waitFor();
    await rows.nth(1).waitFor({ state: "detached" });
    expect(await rows.getAttribute("data-file-id")).toBe(photo.id);
    expect(await getDb().file.count({ where: { id: { in: [old.id, result.id] } } })).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("en at 1280 px: a file chosen from My files and a result used in a new task become its inputs; another visitor's file is refused", { timeout: 90_000 }, async () => {
    const stranger = await browser.newContext();
    const foreign = (await (await stranger.newPage()).request.post(`${baseUrl}/api/uploads`, { multipart: { file: { name: "theirs.png", mimeType: "image/png", buffer: picture } } })).json();
    await stranger.close();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    const { photo, old, taskId, result } = await seedFiles(page);
    const inputs = page.locator("li[data-upload]");

    await page.goto(`${baseUrl}/en/tasks/new?file=${(await foreign).files[0].id}`);
    await page.getByRole("alert").filter({ hasText: en.newTask.fileUnavailable }).waitFor();
    expect(await inputs.count()).toBe(0);
    const breadcrumb = page.getByRole("navigation", { name: en.nav.breadcrumb });
    expect(await breadcrumb.getByRole("link").allTextContents()).toEqual([en.nav.home, en.nav.myTasks]);
    expect(await breadcrumb.locator('[aria-current="page"]').textContent()).toBe(en.newTask.title);

    // The chooser lists what the task type reads: no videos here, so nothing until the type is Thumbnail.
    const opener = page.getByRole("button", { name: en.newTask.chooseFromFiles });
    const dialog = page.getByRole("dialog", { name: en.newTask.chooserTitle });
    await opener.click();
    await dialog.getByText(en.newTask.chooserEmpty).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.getByRole("radio", { name: en.taskType.thumbnail }).check();
    await opener.focus();
    await page.keyboard.press("Enter");
    const listed = dialog.locator("li[data-file-id]");
    await listed.nth(2).waitFor();
    expect(await listed.evaluateAll((items) => items.map((item) => item.getAttribute("data-file-id")))).toEqual([result.id, old.id, photo.id]);
    expect(await dialog.getByRole("button", { name: en.newTask.chooseFile.replace("{name}", "旧照片.png") }).isDisabled()).toBe(true);
    await saveScreenshot(page, "choose-from-files-en");
    await dialog.getByRole("button", { name: en.newTask.chooseFile.replace("{name}", "photo.png") }).click();
    await dialog.waitFor({ state: "hidden" });
    await inputs.filter({ hasText: "photo.png" }).getByText(en.newTask.fromMyFiles).waitFor();
    await page.getByRole("button", { name: en.newTask.removeFile.replace("{name}", "photo.png") }).click();
    await inputs.first().waitFor({ state: "detached" });

    await page.goto(`${baseUrl}/en/files`);
    await page.locator(`li[data-file-id="${result.id}"]`).getByRole("link", { name: en.files.useInNewTask }).click();
    await page.waitForURL(`${baseUrl}/en/tasks/new?file=${result.id}`);
    await inputs.filter({ hasText: "photo-thumb.png" }).getByText(en.newTask.fromMyFiles).waitFor();
    expect(await page.getByRole("radio", { name: en.taskType.thumbnail }).isChecked()).toBe(true);
    await page.getByRole("button", { name: en.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);
    await page.locator('[data-sonner-toaster][data-y-position="top"] [data-sonner-toast]').filter({ hasText: en.newTask.created }).waitFor();
    const made = await getDb().task.findFirstOrThrow({ where: { id: { not: taskId }, inputs: { some: { fileId: result.id } } }, select: { id: true, type: true } });
    expect(made.type).toBe("thumbnail");

    // Only uploads are searched for watermarks as they arrive: for a video result the page says a task on it searches when it runs.
    const clip = await readFile(await makeVideo({ seconds: 1, audio: false }));
    const clipKey = `outputs/${taskId}/1-1.mp4`;
    await getStorage().put(clipKey, Readable.from([clip]));
    const video = await getDb().file.create({
      data: { visitorId: result.visitorId, origin: "output", taskId, name: "clip-clean.mp4", size: clip.length, mime: "video/mp4", kind: "video", width: 320, height: 240, durationSec: 1, storageKey: clipKey, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await page.goto(`${baseUrl}/en/tasks/new?file=${video.id}`);
    await page.getByTestId("watermark-status").filter({ hasText: en.newTask.watermarkWhenRun }).waitFor();
    expect(await page.getByRole("radio", { name: en.taskType.watermark }).isChecked()).toBe(true);

    await page.goto(`${baseUrl}/en/tasks/${taskId}`);
    const taskCrumbs = page.getByRole("navigation", { name: en.nav.breadcrumb });
    expect(await taskCrumbs.getByRole("link").allTextContents()).toEqual([en.nav.home, en.nav.myTasks]);
    const reuse = page.getByRole("link", { name: `${en.files.useInNewTask} photo-thumb.png` });
    expect(await reuse.getAttribute("href")).toBe(`/en/tasks/new?file=${result.id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("en at 1280 px: a result past its expiry shows a placeholder on its task page and says it expired instead of offering Download", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    await becomeVisitor(page, baseUrl);
    await page.goto(`${baseUrl}/en/files`);
    await page.getByRole("heading", { name: en.files.emptyTitle }).waitFor();
    const { taskId, result } = await seedFiles(page);
    await getDb().file.update({ where: { id: result.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    await page.reload();
    await page.locator("li[data-file-id]").nth(2).waitFor();
    expect(await page.locator("li[data-expired]").count()).toBe(2);
    await saveScreenshot(page, "files-en");
    await page.goto(`${baseUrl}/en/tasks/${taskId}`);
    const output = page.locator("section").filter({ has: page.getByRole("heading", { name: en.taskDetail.outputs }) });
    await output.getByRole("img", { name: en.files.expired }).waitFor();
    await output.getByText(en.files.expired, { exact: true }).waitFor();
    expect(await output.locator("a[download], video, img").count()).toBe(0);
    expect(await page.locator("a[download]").count()).toBe(0);
    await saveScreenshot(page, "task-detail-expired-en");
    expect(errors).toEqual([]);
    await context.close();
  });
});
