import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

const quietFlags = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Headless Chromium: Debian's when installed (it has CJK fonts when fonts-noto-cjk is present),
 * else the one shipped inside @sparticuz/chromium, so browser tests run on a machine without apt.
 */
export async function launchBrowser(): Promise<Browser> {
  if (existsSync(SYSTEM_CHROMIUM) && process.env.TEST_BROWSER !== "bundled") {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: ["--no-sandbox", ...quietFlags] });
  }
  const bundled = (await import("@sparticuz/chromium")).default;
  return chromium.launch({ executablePath: await bundled.executablePath(), headless: true, args: [...bundled.args, ...quietFlags] });
}

/** Collects console errors and uncaught page errors so a test can assert there were none. */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    // A failed load names no address in its text; the location says which one.
    if (message.type() === "error") errors.push(message.location().url ? `${message.text()} (${message.location().url})` : message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export const SCREENSHOT_DIR = join("test-results", "screenshots");

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
