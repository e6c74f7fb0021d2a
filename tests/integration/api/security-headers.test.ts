import { describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const baseUrl = inject("baseUrl");
const messages = { en, zh };

function expectHardened(response: Response): void {
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(response.headers.get("x-powered-by")).toBeNull();
  const policy = response.headers.get("content-security-policy") ?? "";
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
}

describe("security headers", () => {
  for (const path of ["/en", "/zh/tasks"]) {
    it(`are on the page ${path}, whose inline scripts carry the policy's per-request nonce`, async () => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      expectHardened(response);
      const nonce = response.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

      const again = await fetch(`${baseUrl}${path}`);
      expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    });
  }

  for (const path of ["/api/me", "/api/health", "/api/no-such-endpoint", "/api/tasks/not-an-id"]) {
    it(`are on the API response for ${path}`, async () => {
      const response = await fetch(`${baseUrl}${path}`);
      expectHardened(response);
    });
  }

  it("keep the visitor cookie's plain name over http, without Secure", async () => {
    const setCookie = (await fetch(`${baseUrl}/api/me`)).headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^clipclean_session=[^;]+; Path=\/;/);
    expect(setCookie).not.toContain("Secure");
    expect(setCookie).not.toMatch(/Domain=/i);
  });
});

describe("same-origin check on writes", () => {
  const write = (origin: string, locale: "en" | "zh") =>
    fetch(`${baseUrl}/api/tasks/cleanup`, {
      method: "POST",
      headers: { origin, "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify({ scope: "all" }),
    });

  for (const locale of ["en", "zh"] as const) {
    it(`refuses the same host over another scheme with 403 (${locale})`, async () => {
      const otherScheme = baseUrl.replace(/^http:/, "https:");
      const response = await write(otherScheme, locale);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: messages[locale].errors.forbidden } });
    });

    it(`refuses Origin: null with 403 (${locale})`, async () => {
      const response = await write("null", locale);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: messages[locale].errors.forbidden } });
    });
  }

  it("accepts our own origin", async () => {
    expect((await write(baseUrl, "en")).status).toBe(200);
  });
});

describe("malformed ids", () => {
  const malformed = [
    ["GET", "/api/tasks/%00"],
    ["GET", "/api/files/abc%00def/content"],
    ["GET", `/api/tasks/${"a".repeat(10 * 1024)}`],
    ["GET", "/api/files/%E6%96%87%E4%BB%B6"],
    ["GET", "/api/tasks/0192f5c4-6c1e-7e0a-9f3b-%F0%9F%98%80/logs"],
    ["DELETE", "/api/files/..%2F..%2Fetc%2Fpasswd"],
    ["POST", "/api/tasks/%00/cancel"],
  ] as const;

  for (const locale of ["en", "zh"] as const) {
    for (const [method, path] of malformed) {
      it(`${method} ${path.slice(0, 60)} answers 404 without creating a visitor (${locale})`, async () => {
        const response = await fetch(`${baseUrl}${path}`, { method, headers: { "accept-language": locale } });
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: { code: "not_found", message: messages[locale].errors.not_found } });
        expect(response.headers.get("set-cookie")).toBeNull();
      });
    }
  }
});
