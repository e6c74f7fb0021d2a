import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { isTaskEventsRequest } from "@/lib/web/serve-task-events";

const baseUrl = inject("baseUrl");
const API_DIR = join(process.cwd(), "app", "api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every app/api/**\/route.ts, as the path it serves (dynamic segments filled with a well-formed id). */
async function apiRoutes(): Promise<{ file: string; path: string }[]> {
  const entries = await readdir(API_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes("[..."))
    .map((file) => {
      const segments = relative(API_DIR, file).split(sep).slice(0, -1);
      return { file, path: ["/api", ...segments.map((segment) => (segment.startsWith("[") ? randomUUID() : segment))].join("/") };
    });
}

const routes = await apiRoutes();

describe("methods an API route does not implement", () => {
  it("finds the API's routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(13);
  });

  for (const { file, path } of routes) {
    it(`answer 405 in the error shape, with an Allow header that lists the others, on ${relative(process.cwd(), file)}`, async () => {
      // Exporting every method (Next answers HEAD with GET) keeps Next's own empty 405 out of reach;
      // the live-updates stream is answered by the web server ahead of Next.
      const exported = Object.keys(await import(file));
      const covered = (method: string) =>
        exported.includes(method) || (method === "HEAD" && exported.includes("GET")) || isTaskEventsRequest({ method } as IncomingMessage, path);
      expect(METHODS.filter((method) => !covered(method))).toEqual([]);
      if (path.startsWith("/api/admin/")) {
        // Operator routes do not exist for anyone without ADMIN_PASSWORD (this server has none), whatever
        // the method; operator-console.test.ts checks their 405s with the password.
        for (const method of METHODS) {
          const response = await fetch(`${baseUrl}${path}`, { method });
          await response.body?.cancel();
          expect(response.status, `${method} ${path}`).toBe(404);
        }
        return;
      }

      const options = await fetch(`${baseUrl}${path}`, { method: "OPTIONS" });
      expect(options.status).toBe(204);
      const allow = options.headers.get("allow");
      const answered: string[] = ["OPTIONS"];
      for (const method of METHODS.filter((method) => method !== "OPTIONS")) {
        for (const locale of ["en", "zh"] as const) {
          const response = await fetch(`${baseUrl}${path}`, { method, headers: { "accept-language": locale } });
          if (response.status !== 405) {
            // Not read: an answered GET may be a stream that never ends (/api/events).
            await response.body?.cancel();
            if (locale === "en") answered.push(method);
            continue;
          }
          const body = method === "HEAD" ? "" : await response.text();
          expect(response.headers.get("allow"), `${method} ${path}`).toBe(allow);
          if (method === "HEAD") continue;
          const message = (locale === "en" ? en : zh).errors.method_not_allowed;
          expect(JSON.parse(body), `${method} ${path}`).toEqual({ error: { code: "method_not_allowed", message } });
        }
      }
      expect(allow).toBe(METHODS.filter((method) => answered.includes(method)).join(", "));
    });
  }

  it("PUT /api/tasks answers 405 and lists GET and POST", async () => {
    const response = await fetch(`${baseUrl}/api/tasks`, { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect((await response.json()).error.code).toBe("method_not_allowed");
  });
});
