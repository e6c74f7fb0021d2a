import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { makeVideo } from "../support/media-fixtures";
import { drawRegion, uploadThroughPage, waitForToast } from "../support/task-pages";
import { startWorker, type WorkerProcess } from "../support/worker-process";

const baseUrl = inject("baseUrl");
const messages = { en, zh };
let browser: Browser;
let clip: string;
let worker: WorkerProcess;

beforeAll(async () => {
  [browser, clip, worker] = await Promise.all([launchBrowser(), makeVideo({ seconds: 2, width: 320, height: 240 }), startWorker()]);
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
});

describe("pipelines in the pages", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`submits a watermark removal then a thumbnail as one pipeline and shows its steps together (${locale})`, async () => {
      const m = messages[locale];
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${baseUrl}/${locale}/tasks/new`);
      await uploadThroughPage(page, clip);
      await drawRegion(page, [0.1, 0.1], [0.4, 0.4]);
      await page.getByLabel(m.newTask.thenThumbnail, { exact: true }).check();
      await page.getByRole("button", { name: m.newTask.submit }).click();
      await waitForToast(page, m.newTask.createdPipeline);
      await page.waitForURL(`${baseUrl}/${locale}/tasks`);

      const group = page.locator("li[data-pipeline-id]").first();
      await expect(group.textContent()).resolves.toContain(m.tasks.pipeline.replace("{count}", "2"));
      await expect(group.locator("li[data-task-id]").count()).resolves.toBe(2);
      const overall = group.getByRole("progressbar", { name: m.tasks.pipelineProgress });
      await page.waitForFunction(
        (label) => document.querySelector(`li[data-pipeline-id] [role="progressbar"][aria-label="${label}"]`)?.getAttribute("aria-valuenow") === "100",
        m.tasks.pipelineProgress,
        { timeout: 90_000 },
      );
      await expect(overall.getAttribute("aria-valuenow")).resolves.toBe("100");
      const statuses = await group.locator("li[data-task-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
      expect(statuses).toEqual(["completed", "completed"]);
      await saveScreenshot(page, `pipeline-${locale}`);
      await page.context().close();
    });
  }
});
