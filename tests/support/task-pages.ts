import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Picks `path` on the New task page and waits until the upload is stored and described. */
export async function uploadThroughPage(page: Page, path: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.locator('li[data-upload="done"]').waitFor({ timeout: 30_000 });
}

/** Drags on the video frame from one corner to the other (fractions of the frame) and returns the numeric fields. */
export async function drawRegion(page: Page, from: [number, number], to: [number, number]) {
  const frame = page.getByTestId("region-frame");
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  if (!box) throw new Error("the region frame is not visible");
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), { steps: 4 });
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await page.mouse.up();
  const value = async (name: string) => Number(await page.locator(`input[name="region-${name}"]`).inputValue());
  return { x: await value("x"), y: await value("y"), width: await value("width"), height: await value("height") };
}

/** Marks the document so a later check can prove the page was never reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { sameDocumentMark: true }));
}

export async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => "sameDocumentMark" in window)).toBe(true);
}

/** Horizontal overflow of the page in CSS pixels (0 when nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Waits for a toast (sonner) with this text. */
export async function waitForToast(page: Page, text: string): Promise<void> {
  await page.locator("[data-sonner-toast]").filter({ hasText: text }).first().waitFor();
}

/**
 * Gives the page's browser context its visitor cookie before a test calls the API beside the page. A page
 * asks for the visitor as it loads (GET /api/me makes one for a first visit), so an upload sent by the test
 * while the page loads would make a second visitor, and whichever cookie lands last would win.
 */
export async function becomeVisitor(page: Page, baseUrl: string): Promise<void> {
  expect((await page.request.get(`${baseUrl}/api/me`)).status()).toBe(200);
}
