import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeImage } from "../../support/media-fixtures";
import { freshLoopbackAddress, multipartBody, requestFrom, type AddressedResponse } from "../../support/request-from";
import { startWebServer, type WebServer } from "../../support/web-server";

const NEW_VISITORS_PER_HOUR = 60; // the product's default (test servers otherwise lift the limits)
const UPLOADS_PER_HOUR = 3;
const TASKS_PER_HOUR = 3;

const messages = {
  en: (seconds: string) => `Too many requests. Please wait ${seconds} seconds and try again.`,
  zh: (seconds: string) => `请求过于频繁，请等待 ${seconds} 秒后再试。`,
};

let direct: WebServer;
let directTwin: WebServer;
let proxied: WebServer;

beforeAll(async () => {
  const env = {
    DATABASE_URL: inject("databaseUrl"),
    DATA_DIR: inject("dataDir"),
    SESSION_SECRET: process.env.SESSION_SECRET!,
    RATE_LIMIT_NEW_VISITORS_PER_HOUR: String(NEW_VISITORS_PER_HOUR),
    RATE_LIMIT_UPLOADS_PER_HOUR: String(UPLOADS_PER_HOUR),
    RATE_LIMIT_TASKS_PER_HOUR: String(TASKS_PER_HOUR),
  };
  [direct, directTwin, proxied] = await Promise.all([
    startWebServer({ ...env, TRUST_PROXY_HOPS: "0" }),
    startWebServer({ ...env, TRUST_PROXY_HOPS: "0" }),
    startWebServer({ ...env, TRUST_PROXY_HOPS: "1" }),
  ]);
});

afterAll(async () => {
  await Promise.all([direct?.stop(), directTwin?.stop(), proxied?.stop()]);
});

function cookieOf(response: AddressedResponse): string {
  const setCookie = response.headers["set-cookie"];
  return (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(";")[0]!;
}

function expectRateLimited(response: AddressedResponse, locale: "en" | "zh"): void {
  expect(response.status).toBe(429);
  const retryAfter = String(response.headers["retry-after"]);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(3600);
  expect(response.body).toEqual({ error: { code: "rate_limited", message: messages[locale](retryAfter) } });
}

/** Uses up an address's new visitors on `servers` (in turn), checking each is a distinct new visitor. */
async function makeVisitors(address: string, servers: WebServer[], count: number, headers: Record<string, string> = {}): Promise<void> {
  const ids = new Set<string>();
  for (let index = 0; index < count; index++) {
    const response = await requestFrom(address, `${servers[index % servers.length]!.baseUrl}/api/me`, { headers });
    expect(response.status).toBe(200);
    ids.add((response.body as { id: string }).id);
  }
  expect(ids.size).toBe(count);
}

describe("new visitors per client address", () => {
  it("refuses the 61st new visitor from one address with 429 and Retry-After, in en and zh", async () => {
    const address = freshLoopbackAddress();
    await makeVisitors(address, [direct], NEW_VISITORS_PER_HOUR);
    expectRateLimited(await requestFrom(address, `${direct.baseUrl}/api/me`, { headers: { "accept-language": "en" } }), "en");
    expectRateLimited(await requestFrom(address, `${direct.baseUrl}/api/me`, { headers: { "accept-language": "zh" } }), "zh");
    // A spoofed X-Forwarded-For means nothing when no proxy is trusted.
    const spoofed = await requestFrom(address, `${direct.baseUrl}/api/me`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    expectRateLimited(spoofed, "en");
    // Another client is not affected.
    expect((await requestFrom(freshLoopbackAddress(), `${direct.baseUrl}/api/me`)).status).toBe(200);
  });

  it("still recognises the address's existing visitors", async () => {
    const address = freshLoopbackAddress();
    const first = await requestFrom(address, `${direct.baseUrl}/api/me`);
    await makeVisitors(address, [direct], NEW_VISITORS_PER_HOUR - 1);
    const again = await requestFrom(address, `${direct.baseUrl}/api/me`, { headers: { cookie: cookieOf(first) } });
    expect(again.status).toBe(200);
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
  });

  it("holds across two web server processes on the same database", async () => {
    const address = freshLoopbackAddress();
    await makeVisitors(address, [direct, directTwin], NEW_VISITORS_PER_HOUR);
    expectRateLimited(await requestFrom(address, `${directTwin.baseUrl}/api/me`), "en");
    expectRateLimited(await requestFrom(address, `${direct.baseUrl}/api/me`), "en");
  });

  it("counts the address a trusted proxy reports, whatever the client put before it", async () => {
    const address = freshLoopbackAddress();
    const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    await makeVisitors(address, [proxied], NEW_VISITORS_PER_HOUR, { "x-forwarded-for": client });
    const spoofed = await requestFrom(address, `${proxied.baseUrl}/api/me`, { headers: { "x-forwarded-for": `10.9.8.7, ${client}` } });
    expectRateLimited(spoofed, "en");
    const other = await requestFrom(address, `${proxied.baseUrl}/api/me`, { headers: { "x-forwarded-for": `${client}, 198.51.100.9` } });
    expect(other.status).toBe(200);
  });
});

describe("forwarded protocol", () => {
  it("marks the cookie Secure when a trusted proxy says the request came over https", async () => {
    const response = await requestFrom(freshLoopbackAddress(), `${proxied.baseUrl}/api/me`, { headers: { "x-forwarded-proto": "https" } });
    expect(String(response.headers["set-cookie"])).toContain("Secure");
  });
});

describe("visitor rows", () => {
  it("are not created by cookieless reads, 404s included", async () => {
    const db = getDb();
    const before = await db.visitor.count();
    const address = freshLoopbackAddress();
    for (const path of ["/api/nothing/here", "/api/tasks", "/api/files/0198d0e4-0000-7000-8000-000000000000", "/api/tasks/unknown", "/en/tasks"]) {
      for (let repeat = 0; repeat < 5; repeat++) {
        const response = await requestFrom(address, `${direct.baseUrl}${path}`);
        expect(response.status).toBeLessThan(500);
        expect(String(response.headers["set-cookie"] ?? "")).not.toContain("clipclean_session=");
      }
    }
    const tasks = await requestFrom(address, `${direct.baseUrl}/api/tasks`);
    expect(tasks.body).toMatchObject({ tasks: [], total: 0 });
    expect(await db.visitor.count()).toBe(before);
  });
});

describe("per-visitor limits", () => {
  async function upload(address: string, cookie: string, locale: "en" | "zh" = "en"): Promise<AddressedResponse> {
    const image = await makeImage({ width: 64, height: 48 });
    const { body, contentType } = await multipartBody([{ name: "small.png", bytes: await readFile(image) }]);
    return requestFrom(address, `${direct.baseUrl}/api/uploads`, {
      method: "POST",
      headers: { cookie, "content-type": contentType, "accept-language": locale },
      body,
    });
  }

  it("refuses uploads past the hourly limit with 429, storing nothing", async () => {
    const address = freshLoopbackAddress();
    const first = await upload(address, "");
    expect(first.status).toBe(201);
    const cookie = cookieOf(first);
    for (let index = 1; index < UPLOADS_PER_HOUR; index++) expect((await upload(address, cookie)).status).toBe(201);
    expectRateLimited(await upload(address, cookie, "en"), "en");
    expectRateLimited(await upload(address, cookie, "zh"), "zh");
    const me = await requestFrom(address, `${direct.baseUrl}/api/me`, { headers: { cookie } });
    expect(await getDb().file.count({ where: { visitorId: (me.body as { id: string }).id } })).toBe(UPLOADS_PER_HOUR);
  });

  it("refuses task creations, retries and watermark previews past the hourly limit with 429; a preview counts as a task", async () => {
    const address = freshLoopbackAddress();
    const uploaded = await upload(address, "");
    const cookie = cookieOf(uploaded);
    const fileId = (uploaded.body as { files: { id: string }[] }).files[0]!.id;
    const json = { "content-type": "application/json", cookie };
    const createTask = (locale: "en" | "zh") =>
      requestFrom(address, `${direct.baseUrl}/api/tasks`, {
        method: "POST",
        headers: { ...json, "accept-language": locale },
        body: Buffer.from(JSON.stringify({ type: "thumbnail", inputs: [fileId] })),
      });
    const askPreview = () =>
      requestFrom(address, `${direct.baseUrl}/api/files/${fileId}/previews`, {
        method: "POST",
        headers: json,
        body: Buffer.from(JSON.stringify({ regions: [{ x: 0, y: 0, width: 8, height: 8 }] })),
      });
    const taskIds: string[] = [];
    for (let index = 0; index < TASKS_PER_HOUR - 1; index++) {
      const created = await createTask("en");
      expect(created.status).toBe(202);
      taskIds.push((created.body as { task: { id: string } }).task.id);
    }
    // Counted like a task even when refused (the upload is an image, which has no preview).
    expect((await askPreview()).status).toBe(400);
    expectRateLimited(await createTask("en"), "en");
    expectRateLimited(await createTask("zh"), "zh");
    expectRateLimited(await askPreview(), "en");
    const cancelled = await requestFrom(address, `${direct.baseUrl}/api/tasks/${taskIds[0]}/cancel`, { method: "POST", headers: json });
    expect(cancelled.status).toBe(200);
    expectRateLimited(await requestFrom(address, `${direct.baseUrl}/api/tasks/${taskIds[0]}/retry`, { method: "POST", headers: json }), "en");
  });
});
