import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { inject } from "vitest";

// Response bodies are whatever the API sent; tests assert on their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

export type ApiVisitor = {
  /** fetch against the test server carrying this visitor's cookie (and keeping any new one). */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  json: (path: string, init?: Omit<RequestInit, "body"> & { body?: unknown }) => Promise<{ status: number; body: JsonBody }>;
  upload: (files: { path: string; name?: string }[]) => Promise<{ status: number; body: JsonBody }>;
  cookie: () => string | undefined;
};

/** A browser-like visitor of the test server (or the one at `baseUrl`): it keeps the session cookie it is given. */
export function apiVisitor(options: { locale?: "en" | "zh"; cookie?: string; baseUrl?: string } = {}): ApiVisitor {
  const baseUrl = options.baseUrl ?? inject("baseUrl");
  let cookie = options.cookie;
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
    if (options.locale && !headers.has("accept-language")) headers.set("accept-language", options.locale);
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0];
    return response;
  };
  const json: ApiVisitor["json"] = async (path, init = {}) => {
    const hasBody = init.body !== undefined;
    const response = await request(path, {
      ...init,
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...(init.headers as Record<string, string>) },
      body: hasBody ? (typeof init.body === "string" ? init.body : JSON.stringify(init.body)) : undefined,
    } as RequestInit);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const upload: ApiVisitor["upload"] = async (files) => {
    const form = new FormData();
    for (const file of files) form.append("file", new Blob([await readFile(file.path)]), file.name ?? basename(file.path));
    const response = await request("/api/uploads", { method: "POST", body: form });
    return { status: response.status, body: await response.json() };
  };
  return { request, json, upload, cookie: () => cookie };
}
