import { readFile, stat } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { makeImage } from "../support/media-fixtures";
import { getDb } from "@/lib/db";
import { becomeVisitor, uploadThroughPage } from "../support/task-pages";
import { startWorker, type WorkerProcess } from "../support/worker-process";

const baseUrl = inject("baseUrl");
let browser: Browser;
let worker: WorkerProcess;

beforeAll(async () => {
  [browser, worker] = await Promise.all([launchBrowser(), startWorker()]);
});
afterAll(async () => {
  await worker?.stop();
  await browser?.close();
});

describe("carrying tasks to another device", () => {
  it("a second browser continues with the code's link, then sees and downloads the first one's task; the code works once", { timeout: 120_000 }, async () => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const third = await browser.newContext();
    try {
      // The first browser has a finished thumbnail task.
      const page = await first.newPage();
      const errors = watchConsoleErrors(page);
      await becomeVisitor(page, baseUrl);
      await page.goto(`${baseUrl}/en/transfer`);
      const image = await makeImage({ width: 320, height: 240 });
      const upload = await page.request.post(`${baseUrl}/api/uploads`, {
        multipart: { file: { name: "holiday.png", mimeType: "image/png", buffer: await readFile(image) } },
      });
      expect(upload.status()).toBe(201);
      const fileId = (await upload.json()).files[0].id;
      const created = await page.request.post(`${baseUrl}/api/tasks`, { data: { type: "thumbnail", inputs: [fileId], params: { width: 64 } } });
      expect(created.status()).toBe(202);
      const taskId = (await created.json()).task.id as string;

      // It shows a code, its QR code and its link.
      await page.getByRole("button", { name: en.transfer.create }).click();
      const code = (await page.getByTestId("transfer-code").textContent())!;
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await expect(page.getByTestId("transfer-qr").locator("svg").count()).resolves.toBe(1);
      const url = (await page.getByTestId("transfer-url").textContent())!;
      expect(url).toBe(`${baseUrl}/en/link/${code}`);
      await expect(page.getByText(en.transfer.validFor.replace("{minutes}", "10")).count()).resolves.toBe(1);
      await saveScreenshot(page, "transfer-en");

      // Opening the link only asks: nothing changes until Continue.
      const other = await second.newPage();
      const otherErrors = watchConsoleErrors(other);
      await other.goto(url);
      await other.getByRole("heading", { name: en.transfer.linkTitle }).waitFor();
      await expect(other.getByText(code).count()).resolves.toBeGreaterThan(0);
      await saveScreenshot(other, "transfer-link-en");
      const before = await other.request.get(`${baseUrl}/api/tasks/${taskId}`);
      expect(before.status()).toBe(404);

      await other.getByRole("button", { name: en.transfer.linkContinue }).click();
      await other.waitForURL(`${baseUrl}/en/tasks`);
      const row = other.locator(`li[data-task-id="${taskId}"]`);
      await row.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
      const [download] = await Promise.all([other.waitForEvent("download"), row.locator("a[download]").click()]);
      const saved = await download.path();
      expect((await stat(saved)).size).toBeGreaterThan(0);
      expect((await readFile(saved)).subarray(8, 12).toString()).toBe("WEBP");

      // Used once: a third browser (in Chinese) is told so and stays itself.
      const late = await third.newPage();
      await late.goto(`${baseUrl}/zh/link/${code}`);
      await late.getByRole("button", { name: zh.transfer.linkContinue }).click();
      const alert = late.locator("p[role=alert]");
      await alert.waitFor();
      expect(await alert.textContent()).toBe(`${zh.errors.not_found} ${zh.transfer.codeHint}`);
      expect((await late.request.get(`${baseUrl}/api/tasks/${taskId}`)).status()).toBe(404);
      await saveScreenshot(late, "transfer-link-used-zh");

      expect([...errors, ...otherErrors]).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close(), third.close()]);
    }
  });

  it("a code typed by hand opens the same question", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/zh/transfer`);
      const input = page.getByLabel(zh.transfer.enterLabel);
      await input.fill("abc");
      await page.getByRole("button", { name: zh.transfer.enterSubmit }).click();
      await expect(page.locator("p[role=alert]").textContent()).resolves.toBe(zh.transfer.invalidCode);
      await input.fill("k7qm 3xpa");
      await page.getByRole("button", { name: zh.transfer.enterSubmit }).click();
      await page.waitForURL(`${baseUrl}/zh/link/K7QM-3XPA`);
      await page.getByRole("heading", { name: zh.transfer.linkTitle }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("deleting all of a visitor's data", () => {
  it("zh at 375 px: the confirmation names how many tasks and files go; afterwards the cookie is gone and My tasks is empty", { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = watchConsoleErrors(page);
      await becomeVisitor(page, baseUrl);
      // Until the page is live the button is disabled, so an early tap is not silently lost.
      const served = await (await page.request.get(`${baseUrl}/zh/transfer`)).text();
      expect(new RegExp(`<button[^>]*>${zh.forget.action}</button>`).exec(served)?.[0]).toContain(' disabled=""');
      await page.goto(`${baseUrl}/zh/transfer`);
      const image = await readFile(await makeImage({ width: 64, height: 48 }));
      for (const name of ["一.png", "二.png"]) {
        const upload = await page.request.post(`${baseUrl}/api/uploads`, { multipart: { file: { name, mimeType: "image/png", buffer: image } } });
        expect(upload.status()).toBe(201);
        if (name === "一.png") {
          const fileId = (await upload.json()).files[0].id;
          expect((await page.request.post(`${baseUrl}/api/tasks`, { data: { type: "thumbnail", inputs: [fileId] } })).status()).toBe(202);
        }
      }
      await page.getByRole("button", { name: zh.forget.action }).click();
      const dialog = page.getByRole("alertdialog", { name: zh.forget.confirmTitle });
      await dialog.waitFor();
      // One task, and two uploads plus the thumbnail the worker may already have made.
      await expect(dialog.textContent()).resolves.toMatch(/这将删除 1 个任务和 [23] 个文件/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, "delete-my-data-zh");
      await dialog.getByRole("button", { name: zh.forget.keep }).click();
      await page.getByRole("button", { name: zh.forget.action }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: zh.forget.confirmAction }).click();
      await page.getByRole("status").filter({ hasText: zh.forget.done }).waitFor();
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("clipclean_session");
      await page.goto(`${baseUrl}/zh/tasks`);
      await page.getByRole("heading", { name: zh.tasks.emptyTitle }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("en: after deleting, the same tab carries on as one new visitor: a picture uploaded and a task started without reloading finish live, with a toast", { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = watchConsoleErrors(page);
      await becomeVisitor(page, baseUrl);
      await page.goto(`${baseUrl}/en/transfer`);
      await page.locator('body[data-live-updates="open"]').waitFor();
      await page.getByRole("button", { name: en.forget.action }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: en.forget.confirmAction }).click();
      await page.getByRole("status").filter({ hasText: en.forget.done }).waitFor();
      // Within the app (no reload): the layout, its live-updates stream and the page's state stay.
      await page.getByRole("link", { name: en.nav.newTask }).click();
      await page.waitForURL(`${baseUrl}/en/tasks/new`);
      await page.locator('input[name="type"][value="thumbnail"]').check();
      await uploadThroughPage(page, await makeImage({ width: 96, height: 64 }));
      await page.getByRole("button", { name: en.newTask.submit }).click();
      await page.waitForURL(`${baseUrl}/en/tasks`);
      const toast = page.locator("[data-sonner-toast]").filter({ hasText: en.tasks.finishedToast.replace("{type}", en.taskType.thumbnail) });
      await toast.first().waitFor({ timeout: 60_000 });
      await page.locator('li[data-status="completed"]').waitFor();
      const visitors = (await context.cookies()).filter((cookie) => cookie.name === "clipclean_session");
      expect(visitors).toHaveLength(1);
      const taskId = await page.locator("li[data-task-id]").first().getAttribute("data-task-id");
      const task = await getDb().task.findUniqueOrThrow({ where: { id: taskId! }, include: { inputs: { include: { file: true } } } });
      expect(task.inputs.map(({ file }) => file.visitorId)).toEqual([task.visitorId]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("en: with nothing stored the confirmation says so, and Keep my data leaves everything as it was", { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/en/transfer`);
      await page.getByRole("button", { name: en.forget.action }).click();
      const dialog = page.getByRole("alertdialog", { name: en.forget.confirmTitle });
      await expect(dialog.textContent()).resolves.toContain("This deletes 0 tasks and 0 files");
      await saveScreenshot(page, "delete-my-data-en");
      await dialog.getByRole("button", { name: en.forget.keep }).click();
      await dialog.waitFor({ state: "detached" });
      expect((await context.cookies()).map((cookie) => cookie.name)).toContain("clipclean_session");
    } finally {
      await context.close();
    }
  });
});
