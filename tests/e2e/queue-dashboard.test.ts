import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { TEST_ADMIN_PASSWORD, withDashboardServer } from "../support/dashboard-server";

describe("the queue dashboard in a browser", () => {
  const context = withDashboardServer();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens with the operator password and lists the task queues, its scripts allowed by the policy", async () => {
    const page = await (await browser.newContext({ httpCredentials: { username: "ops", password: TEST_ADMIN_PASSWORD } })).newPage();
    const errors = watchConsoleErrors(page);
    await page.goto(`${context.server.baseUrl}/admin/queues/queues`);
    await page.getByRole("link", { name: "task-run", exact: true }).first().waitFor();
    for (const queue of ["task-dispatch", "task-run-dead-letter", "file-thumbnail"]) {
      await expect(page.getByText(queue, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await saveScreenshot(page, "queue-dashboard");
    // The dashboard links Google's web fonts; the policy keeps operator pages free of third-party
    // requests, so that stylesheet alone is refused (system fonts are used instead).
    expect(errors.filter((error) => !error.includes("https://fonts.googleapis.com/"))).toEqual([]);
  });

  it("accepts its form actions from the page's own origin", async () => {
    const page = await (await browser.newContext({ httpCredentials: { username: "ops", password: TEST_ADMIN_PASSWORD } })).newPage();
    await page.goto(`${context.server.baseUrl}/admin/queues/queues/create`);
    await page.locator("#queueName").fill("dashboard-check");
    const [action] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.locator("form[method=post] button[type=submit]").click(),
    ]);
    // React Router answers 400 to an action whose Origin is not the request's own host; this one
    // reaches the dashboard's action, which shows its own outcome on the form.
    expect(action.status()).toBe(200);
    await page.getByRole("heading", { name: "Create Queue" }).waitFor();
    await saveScreenshot(page, "queue-dashboard-action");
  });
});
