import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";

describe("the site in two languages", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows Chinese at /zh and English after switching, with the right <html lang>", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchConsoleErrors(page);

    await page.goto(`${baseUrl}/zh`);
    await expect(page.locator("h1").textContent()).resolves.toBe(zh.home.headline);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.title()).toBe(zh.meta.title);
    await saveScreenshot(page, "home-zh");

    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${baseUrl}/en`);
    await expect(page.locator("h1").textContent()).resolves.toBe(en.home.headline);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.getByRole("button", { name: en.nav.my, exact: true }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, "home-en");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("serves the tab icon at /favicon.ico, where a browser asks for it before the page names its icon", async () => {
    const context = await browser.newContext();
    const response = await context.request.get(`${baseUrl}/favicon.ico`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/icon/);
    await context.close();
  });

  it("redirects / by Accept-Language and then remembers the visitor's choice", async () => {
    const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
    const page = await context.newPage();

    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/zh");

    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${baseUrl}/en`);
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/en");
    await context.close();
  });

  it("defaults to English for other languages", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/en");
    await context.close();
  });

  it("keeps the current path when switching language, and shows a localized not-found page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/en/no/such/page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe(en.notFound.title);

    await page.getByRole("link", { name: "中文" }).click();
    await page.waitForURL(`${baseUrl}/zh/no/such/page`);
    await expect(page.locator("h1").textContent()).resolves.toBe(zh.notFound.title);
    await context.close();
  });

  it("fits a 375 px wide phone screen without sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "home-zh-375");
    await context.close();
  });
});
