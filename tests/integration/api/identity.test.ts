import { sealData } from "iron-session";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiVisitor } from "../../support/api-visitor";

const baseUrl = inject("baseUrl");

describe("visitor identity", () => {
  it("issues a sealed, HttpOnly, SameSite=Lax cookie on the first request and reports the visitor", async () => {
    const response = await fetch(`${baseUrl}/api/me`);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^clipclean_session=[^;]+/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain(`Max-Age=${30 * 24 * 3600}`);
    expect(setCookie).not.toContain("Secure");
    const me = await response.json();
    expect(me).toMatchObject({
      id: expect.any(String),
      createdAt: expect.any(String),
      limits: { maxUploadBytes: 8 * 1024 * 1024, maxActiveTasks: 20, maxRunningTasks: expect.any(Number) },
      counts: { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 },
    });
    expect(await getDb().visitor.findUnique({ where: { id: me.id } })).not.toBeNull();
  });

  it("recognises the visitor on later requests", async () => {
    const visitor = apiVisitor();
    const first = await visitor.json("/api/me");
    const second = await visitor.json("/api/me");
    expect(second.body.id).toBe(first.body.id);
  });

  // Behind a trusted proxy that reports https the cookie is Secure: see rate-limits.test.ts, which runs such a server.
  it("does not take a client's own X-Forwarded-Proto for https when no proxy is trusted", async () => {
    const response = await fetch(`${baseUrl}/api/me`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("set-cookie")).not.toContain("Secure");
  });

  it("treats tampered, foreign and garbage cookies as a new visitor, never an error", async () => {
    const visitor = apiVisitor();
    const { body: original } = await visitor.json("/api/me");
    const cookie = visitor.cookie()!;
    const tampered = cookie.slice(0, -4) + (cookie.endsWith("AAAA") ? "BBBB" : "AAAA");
    const foreign = `clipclean_session=${await sealData({ visitorId: original.id, seenAt: 0 }, { password: "another-deployment-secret-of-32-characters!" })}`;
    for (const bad of [tampered, foreign, "clipclean_session=garbage", "clipclean_session=Fe26.2**x*y"]) {
      const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie: bad } });
      expect(response.status).toBe(200);
      const me = await response.json();
      expect(me.id).not.toBe(original.id);
      expect(response.headers.get("set-cookie")).toMatch(/^clipclean_session=/);
    }
  });

  it("starts a new visitor when the cookie names a visitor that no longer exists", async () => {
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    await getDb().visitor.delete({ where: { id: me.id } });
    const stale = `clipclean_session=${await sealData({ visitorId: me.id, seenAt: 0 }, { password: process.env.SESSION_SECRET! })}`;
    const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie: stale } });
    expect(response.status).toBe(200);
    expect((await response.json()).id).not.toBe(me.id);
  });

  it("updates lastSeenAt at most once a minute", async () => {
    const visitor = apiVisitor();
    const { body: me } = await visitor.json("/api/me");
    const db = getDb();
    const longAgo = new Date(Date.now() - 3600_000);
    await db.visitor.update({ where: { id: me.id }, data: { lastSeenAt: longAgo } });
    await visitor.json("/api/me"); // within the minute: the cookie says it was just seen
    expect((await db.visitor.findUniqueOrThrow({ where: { id: me.id } })).lastSeenAt).toEqual(longAgo);
    const stale = `clipclean_session=${await sealData({ visitorId: me.id, seenAt: Date.now() - 120_000 }, { password: process.env.SESSION_SECRET! })}`;
    const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie: stale } });
    expect((await response.json()).id).toBe(me.id);
    expect(response.headers.get("set-cookie")).toMatch(/^clipclean_session=/);
    expect((await db.visitor.findUniqueOrThrow({ where: { id: me.id } })).lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime());
  });
});

describe("cross-site requests", () => {
  for (const locale of ["en", "zh"] as const) {
    it(`refuses a state-changing request from another origin with 403 (${locale})`, async () => {
      const visitor = apiVisitor({ locale });
      await visitor.json("/api/me");
      const { status, body } = await visitor.json("/api/tasks/cleanup", {
        method: "POST",
        body: { scope: "all" },
        headers: { origin: "https://evil.example" },
      });
      expect(status).toBe(403);
      expect(body.error.code).toBe("forbidden");
      expect(body.error.message).toBe(locale === "en" ? "This request is not allowed from another site." : "不允许从其他网站发起此请求。");
    });
  }

  it("accepts the same request from our own origin", async () => {
    const visitor = apiVisitor();
    const { status, body } = await visitor.json("/api/tasks/cleanup", { method: "POST", body: { scope: "all" }, headers: { origin: baseUrl } });
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: 0 });
  });

  it("refuses a request the browser marks cross-site even without an Origin", async () => {
    const { status } = await apiVisitor().json("/api/tasks/cleanup", { method: "POST", body: { scope: "all" }, headers: { "sec-fetch-site": "cross-site" } });
    expect(status).toBe(403);
  });
});

describe("errors", () => {
  it("answers unknown API paths with the JSON 404, in the visitor's language", async () => {
    const en = await apiVisitor({ locale: "en" }).json("/api/nothing/here");
    expect(en).toEqual({ status: 404, body: { error: { code: "not_found", message: "Not found." } } });
    const zh = await apiVisitor().json("/api/nothing/here", { headers: { cookie: "NEXT_LOCALE=zh" } });
    expect(zh.body.error.message).toBe("未找到。");
  });
});
