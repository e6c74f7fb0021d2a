import { describe, expect, inject, test } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { basicAuth, TEST_ADMIN_PASSWORD, withDashboardServer } from "../../support/dashboard-server";

const DASHBOARD = "/admin/queues";

describe("the queue dashboard without ADMIN_PASSWORD", () => {
  test("answers 404 not_found, credentials or not, and asks for none", async () => {
    for (const headers of [{}, { authorization: basicAuth(TEST_ADMIN_PASSWORD) }] as Record<string, string>[]) {
      const response = await fetch(`${inject("baseUrl")}${DASHBOARD}`, { headers: { ...headers, "accept-language": "zh" } });
      expect(response.status).toBe(404);
      expect(response.headers.get("www-authenticate")).toBeNull();
      expect(await response.json()).toEqual({ error: { code: "not_found", message: zh.errors.not_found } });
    }
  });
});

describe("the queue dashboard with ADMIN_PASSWORD", () => {
  const context = withDashboardServer();
  const open = (path: string, authorization?: string) =>
    fetch(`${context.server.baseUrl}${path}`, { headers: authorization ? { authorization } : {}, redirect: "manual" });

  test("answers 401 with a basic-auth challenge without the password or with a wrong one", async () => {
    const attempts = [undefined, basicAuth("wrong-password-0123456789"), basicAuth(`${TEST_ADMIN_PASSWORD}x`), `Bearer ${TEST_ADMIN_PASSWORD}`];
    for (const authorization of attempts) {
      const response = await open(DASHBOARD, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="[^"]+"/);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: en.errors.unauthorized } });
    }
  });

  test("serves the dashboard and its assets with the password (any user name), under a policy naming its inline scripts", async () => {
    const response = await open(DASHBOARD, basicAuth(TEST_ADMIN_PASSWORD, "anyone"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = response.headers.get("content-security-policy") ?? "";
    const scripts = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
    expect(scripts).toMatch(/'sha256-/);
    expect(scripts).not.toContain("unsafe-inline");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    const asset = /(?:src|href)="(\/admin\/queues\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await open(asset!, basicAuth(TEST_ADMIN_PASSWORD));
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await open(asset!)).status).toBe(401);
  });

  test("refuses a form action posted from another origin", async () => {
    const post = (origin: string) =>
      fetch(`${context.server.baseUrl}${DASHBOARD}/queues/create`, {
        method: "POST",
        headers: { authorization: basicAuth(TEST_ADMIN_PASSWORD), origin, "content-type": "application/x-www-form-urlencoded" },
        body: "queueName=",
        redirect: "manual",
      });
    expect((await post("https://elsewhere.example")).status).toBe(400);
    expect((await post(context.server.baseUrl)).status).not.toBe(400);
  });

  test("leaves /admin unlocalized: no redirect to a language path", async () => {
    const response = await open("/admin");
    expect(response.status).not.toBe(307);
    expect(response.headers.get("location")).toBeNull();
  });
});
