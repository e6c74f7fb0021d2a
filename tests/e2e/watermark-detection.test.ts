import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { uploadThroughPage } from "../support/task-pages";
import { intersectionOverUnion, makeWatermarkedClip, markTruth, textMark } from "../support/watermark-clips";
import { startWorker, type WorkerProcess } from "../support/worker-process";

const baseUrl = inject("baseUrl");
const mark = textMark({ text: "@page_mark", x: "w-tw-24", y: 20, size: 30, opacity: 0.7 });
let browser: Browser;
let clip: string;
let worker: WorkerProcess;

beforeAll(async () => {
  [browser, clip, worker] = await Promise.all([launchBrowser(), makeWatermarkedClip({ background: "scrolled-noise", marks: [mark], seconds: 4 }), startWorker()]);
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
});

describe("watermark suggestions on the New task page", () => {
  it("en: the detected mark is suggested, one click accepts it, and the task removes it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);
    await page.goto(`${baseUrl}/en/tasks/new`);
    await uploadThroughPage(page, clip);
    await page.getByTestId("found-mark").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("watermark-status").textContent()).resolves.toContain("1 watermark found");
    const found = page.getByTestId("found-mark");
    expect(await found.isChecked(), "a confident mark is ticked").toBe(true);
    // The preview of the ticked mark: the frame before and after, side by side, stacked on a phone.
    const previews = page.getByTestId("watermark-preview").locator("img");
    await previews.nth(1).waitFor({ timeout: 30_000 });
    await expect.poll(() => previews.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([640, 640]);
    expect(await previews.evaluateAll((images) => images.map((image) => image.getAttribute("alt")))).toEqual([en.watermarkPreview.before, en.watermarkPreview.after]);
    await saveScreenshot(page, "watermark-suggestion-en");
    await page.setViewportSize({ width: 375, height: 800 });
    const [before, after] = [await previews.nth(0).boundingBox(), await previews.nth(1).boundingBox()];
    expect(after!.y).toBeGreaterThanOrEqual(before!.y + before!.height);
    await saveScreenshot(page, "watermark-preview-375");
    await page.setViewportSize({ width: 1280, height: 720 });

    await found.uncheck();
    await page.getByTestId("suggested-box").waitFor();
    await page.getByRole("button", { name: en.newTask.useSuggestion.replace("{n}", "1") }).click();
    expect(await found.isChecked(), "accepting the outlined suggestion ticks it again").toBe(true);
    const value = async (name: string) => Number(await page.locator(`input[name="region-${name}"]`).inputValue());
    const accepted = { x: await value("x"), y: await value("y"), width: await value("width"), height: await value("height") };
    expect(intersectionOverUnion(accepted, await markTruth(mark, { width: 640, height: 360 }))).toBeGreaterThanOrEqual(0.5);
    await page.locator('select[name="watermark-method"]').selectOption("blur");
    const shownMethod = async () => {
      const previewId = (await previews.nth(1).getAttribute("src"))?.split("/")[3];
      const shown = previewId ? await getDb().watermarkPreview.findUnique({ where: { id: previewId } }) : null;
      return (shown?.params as { method?: string } | undefined)?.method;
    };
    await expect.poll(shownMethod, { timeout: 30_000, message: "a new method shows a new preview" }).toBe("blur");
    await page.getByRole("button", { name: en.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/en/tasks`);
    const row = page.locator("li[data-task-id]").first();
    await row.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 90_000 });
    const task = await getDb().task.findUniqueOrThrow({ where: { id: (await row.getAttribute("data-task-id"))! } });
    expect(task).toMatchObject({ status: "completed", params: { regions: [expect.objectContaining(accepted)], method: "blur" } });
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("zh: the confident marks are the default and what gets submitted, the server choosing the method; a clean clip says none was found", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/tasks/new`);
    await uploadThroughPage(page, clip);
    await page.getByTestId("found-mark").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("found-mark").isChecked()).toBe(true);
    await page.getByRole("button", { name: zh.newTask.submit }).click();
    await page.waitForURL(`${baseUrl}/zh/tasks`);
    const row = page.locator("li[data-task-id]").first();
    await row.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 90_000 });
    const task = await getDb().task.findUniqueOrThrow({ where: { id: (await row.getAttribute("data-task-id"))! } });
    expect(task).toMatchObject({ status: "completed", params: { regions: "auto" } });

    await page.goto(`${baseUrl}/zh/tasks/new`);
    await uploadThroughPage(page, await makeWatermarkedClip({ background: "scrolled-noise", marks: [], seconds: 3 }));
    await page.getByTestId("watermark-status").filter({ hasText: zh.newTask.watermarkNone }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("found-mark").count()).toBe(0);
    await page.getByRole("button", { name: zh.newTask.submit }).click();
    await page.getByText(zh.newTask.regionMissing).waitFor();
    await saveScreenshot(page, "watermark-none-zh");
    await context.close();
  }, 180_000);
});
