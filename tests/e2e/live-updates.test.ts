import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import en from "@/messages/en.json";
import { launchBrowser, saveScreenshot } from "../support/browser";
import { makeImage } from "../support/media-fixtures";
import { becomeVisitor, waitForToast } from "../support/task-pages";

const baseUrl = inject("baseUrl");
let browser: Browser;
let image: string;
/** Tasks these tests move by hand; they are deleted afterwards so no other file finds them "running" without a worker. */
const createdTasks: string[] = [];

beforeAll(async () => {
  [browser, image] = await Promise.all([launchBrowser(), makeImage({ width: 64, height: 48 })]);
});
afterAll(async () => {
  await browser?.close();
  await getDb().task.deleteMany({ where: { id: { in: createdTasks } } });
});

/** A pending thumbnail task of the context's visitor (no worker runs here: the test moves it itself). */
async function pendingTask(page: Page): Promise<string> {
  const upload = await page.request.post(`${baseUrl}/api/uploads`, {
    multipart: { file: { name: "frame.png", mimeType: "image/png", buffer: await readFile(image) } },
  });
  const fileId = (await upload.json()).files[0].id;
  const created = await page.request.post(`${baseUrl}/api/tasks`, { data: { type: "thumbnail", inputs: [fileId] } });
  expect(created.status()).toBe(202);
  const taskId = (await created.json()).task.id as string;
  createdTasks.push(taskId);
  return taskId;
}

/** Counts the page's requests for the task list, so a test can tell live updates from polling. */
function countListRequests(page: Page): { count: () => number } {
  let count = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/tasks") count += 1;
  });
  return { count: () => count };
}

const progressOf = (page: Page, taskId: string) => page.locator(`li[data-task-id="${taskId}"] [role="progressbar"]`);

describe("live updates on My tasks", () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it("shows a change made elsewhere as it happens, without polling for it", async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await becomeVisitor(page, baseUrl);
    await page.goto(`${baseUrl}/en/tasks`);
    const taskId = await pendingTask(page);
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
    await page.reload();
    expect((await stream).headers()["content-type"]).toContain("text/event-stream");
    await progressOf(page, taskId).waitFor();
    // Let the first load and the stream settle, then count.
    await page.waitForTimeout(500);
    const lists = countListRequests(page);

    const facts = page.locator(`li[data-task-id="${taskId}"] [data-testid="queue-facts"]`);
    expect(await facts.textContent()).toMatch(/^Number \d+ in line$/);

    // 37 % in a minute: about 102 s, shown as 2 min.
    await getDb().task.update({ where: { id: taskId }, data: { status: "running", progress: 37, startedAt: new Date(Date.now() - 60_000) } });
    await page.locator(`li[data-task-id="${taskId}"] [role="progressbar"][aria-valuenow="37"]`).waitFor({ timeout: 5_000 });
    expect(await facts.textContent()).toBe(en.common.minutesLeft.replace("{minutes}", "2"));
    await getDb().task.update({ where: { id: taskId }, data: { progress: 64 } });
    await page.locator(`li[data-task-id="${taskId}"] [role="progressbar"][aria-valuenow="64"]`).waitFor({ timeout: 5_000 });
    expect(lists.count()).toBe(0);
    await saveScreenshot(page, "tasks-live-en");
  });

  it("falls back to polling when the stream cannot be had", async () => {
    const fallback = await browser.newContext();
    try {
      const page = await fallback.newPage();
      await page.route("**/api/events**", (route) => route.abort());
      await becomeVisitor(page, baseUrl);
      await page.goto(`${baseUrl}/en/tasks`);
      const taskId = await pendingTask(page);
      await page.reload();
      await progressOf(page, taskId).waitFor();
      const lists = countListRequests(page);
      await getDb().task.update({ where: { id: taskId }, data: { status: "running", progress: 55, startedAt: new Date() } });
      await page.locator(`li[data-task-id="${taskId}"] [role="progressbar"][aria-valuenow="55"]`).waitFor({ timeout: 10_000 });
      // The page keeps polling every 1.5 s (with a live stream it would wait 15 s).
      const seen = lists.count();
      await page.waitForTimeout(4_000);
      expect(lists.count()).toBeGreaterThanOrEqual(seen + 2);
    } finally {
      await fallback.close();
    }
  });
});

describe("browser notifications", () => {
  it("are offered by a button, asked for only on its click, and shown when a task finishes in a hidden tab", async () => {
    const context = await browser.newContext();
    try {
      // A stand-in for the browser's Notification API and page visibility, recording what the page does.
      await context.addInitScript(() => {
        const state = window as unknown as { __permission: string; __asked: number; __shown: string[]; __hidden: boolean };
        state.__permission = "default";
        state.__asked = 0;
        state.__shown = [];
        state.__hidden = false;
        class FakeNotification extends EventTarget {
          static get permission() {
            return state.__permission;
          }
          static async requestPermission() {
            state.__asked += 1;
            state.__permission = "granted";
            return "granted";
          }
          constructor(title: string) {
            super();
            state.__shown.push(title);
          }
          close() {}
        }
        Object.defineProperty(window, "Notification", { value: FakeNotification, configurable: true });
        Object.defineProperty(Document.prototype, "hidden", { get: () => state.__hidden, configurable: true });
      });
      const page = await context.newPage();
      await becomeVisitor(page, baseUrl);
      await page.goto(`${baseUrl}/en/tasks`);
      const taskId = await pendingTask(page);
      await page.reload();
      await progressOf(page, taskId).waitFor();
      const offer = page.getByRole("button", { name: en.tasks.notifyOffer });
      await offer.waitFor();
      expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);
      await offer.click();
      await page.getByText(en.tasks.notifyOn).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(1);

      await getDb().task.update({ where: { id: taskId }, data: { status: "running", progress: 10, startedAt: new Date() } });
      await page.locator(`li[data-task-id="${taskId}"] [role="progressbar"][aria-valuenow="10"]`).waitFor();
      await page.evaluate(() => ((window as unknown as { __hidden: boolean }).__hidden = true));
      await getDb().task.update({ where: { id: taskId }, data: { status: "completed", progress: 100, finishedAt: new Date() } });
      const title = en.tasks.finishedToast.replace("{type}", en.taskType.thumbnail);
      await waitForToast(page, title);
      expect(await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)).toEqual([title]);
    } finally {
      await context.close();
    }
  });
});
