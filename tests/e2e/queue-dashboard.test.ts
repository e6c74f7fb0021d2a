import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, saveScreenshot, watchConsoleErrors } from "../support/browser";
import { TEST_ADMIN_PASSWORD, withDashboardServer } from "../support/dashboard-server";
import { getDb } from "@/lib/db";
import { setAdmissionPaused } from "@/lib/tasks/set-admission-paused";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { createVisitor, startTestBoss } from "../support/seed-tasks";
import { waitFor } from "../support/wait-for";

/** A queue no worker consumes, so its jobs stay where the test puts them. */
const ACTION_QUEUE = "dashboard-actions";

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

  it("accepts its form actions from the page's own origin: a queue created there exists", async () => {
    const page = await (await browser.newContext({ httpCredentials: { username: "ops", password: TEST_ADMIN_PASSWORD } })).newPage();
    const queueName = `dashboard-check-${Date.now()}`;
    await page.goto(`${context.server.baseUrl}/admin/queues/queues/create`);
    await page.locator("#queueName").fill(queueName);
    const [action] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.locator("form[method=post] button[type=submit]").click(),
    ]);
    // React Router answers 400 to an action whose Origin is not the request's own host; this one
    // reaches the dashboard's action, which creates the queue and redirects to it.
    expect(action.status()).toBe(302);
    await page.getByText(queueName).first().waitFor();
    expect(await (await startTestBoss()).getQueue(queueName)).toMatchObject({ name: queueName });
    await saveScreenshot(page, "queue-dashboard-action");
  });

  it("retries a failed job and cancels a queued one from the job's page", async () => {
    const boss = await startTestBoss();
    if (!(await boss.getQueue(ACTION_QUEUE))) await boss.createQueue(ACTION_QUEUE, { retryLimit: 0 });
    const failedId = (await boss.send(ACTION_QUEUE, { step: "fails" }))!;
    const [claimed] = await boss.fetch(ACTION_QUEUE);
    expect(claimed?.id).toBe(failedId);
    await boss.fail(ACTION_QUEUE, failedId, { message: "broken on purpose" });
    const queuedId = (await boss.send(ACTION_QUEUE, { step: "waits" }))!;
    const stateOf = async (id: string) => (await boss.getJobById(ACTION_QUEUE, id))?.state;

    const page = await (await browser.newContext({ httpCredentials: { username: "ops", password: TEST_ADMIN_PASSWORD } })).newPage();
    await page.goto(`${context.server.baseUrl}/admin/queues/queues/${ACTION_QUEUE}/jobs/${failedId}`);
    await page.getByRole("button", { name: "Retry", exact: true }).click();
    await waitFor(async () => (await stateOf(failedId)) !== "failed", { what: "the failed job to be retried", timeoutMs: 10_000 });
    expect(await stateOf(failedId)).toMatch(/^(created|retry)$/);
    await expect(page.getByText("Action failed").count()).resolves.toBe(0);

    await page.goto(`${context.server.baseUrl}/admin/queues/queues/${ACTION_QUEUE}/jobs/${queuedId}`);
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await page.getByRole("button", { name: "Cancel Job", exact: true }).click();
    await waitFor(async () => (await stateOf(queuedId)) === "cancelled", { what: "the queued job to be cancelled", timeoutMs: 10_000 });
    await saveScreenshot(page, "queue-dashboard-cancelled-job");
  });

  it("the operator console pauses admission with a click, cancels a visitor's task, and visitors' pages say work is paused", async () => {
    const page = await (await browser.newContext({ httpCredentials: { username: "ops", password: TEST_ADMIN_PASSWORD } })).newPage();
    const errors = watchConsoleErrors(page);
    try {
      await page.goto(`${context.server.baseUrl}/admin`);
      await page.getByRole("button", { name: "Pause admission" }).click();
      await page.getByRole("button", { name: "Resume admission" }).waitFor();

      // Seeded while paused, so no worker starts it.
      const visitorId = await createVisitor();
      const { id: taskId } = await getDb().task.create({ data: { visitorId, type: "thumbnail", expiresAt: new Date(Date.now() + 86_400_000) } });
      await page.goto(`${context.server.baseUrl}/admin?visitorId=${visitorId}`);
      const row = page.locator(`tr[data-task-id="${taskId}"]`);
      await expect(row.locator("td[data-status]").getAttribute("data-status")).resolves.toBe("pending");
      await saveScreenshot(page, "operator-console");
      await row.getByRole("button", { name: "Cancel" }).click();
      await row.locator('td[data-status="cancelled"]').waitFor();

      const visitor = await browser.newPage();
      await visitor.goto(`${context.server.baseUrl}/en/tasks`);
      await expect(visitor.getByTestId("admission-paused").textContent()).resolves.toBe(en.common.admissionPaused);
      await visitor.goto(`${context.server.baseUrl}/zh/tasks/new`);
      await expect(visitor.getByTestId("admission-paused").textContent()).resolves.toBe(zh.common.admissionPaused);
      await saveScreenshot(visitor, "operator-console-paused-notice");

      await page.goto(`${context.server.baseUrl}/admin`);
      await page.getByRole("button", { name: "Resume admission" }).click();
      await page.getByRole("button", { name: "Pause admission" }).waitFor();
      await visitor.goto(`${context.server.baseUrl}/en/tasks`);
      await expect(visitor.getByTestId("admission-paused").count()).resolves.toBe(0);
      await visitor.close();
      expect(errors).toEqual([]);
    } finally {
      // Other files share this database: admission never stays paused after this test.
      await setAdmissionPaused(false);
    }
  });
});
