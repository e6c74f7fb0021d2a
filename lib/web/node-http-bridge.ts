import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/**
 * A Fetch API Request for a Node request, addressed to the public origin: the scheme and host come
 * from X-Forwarded-Proto/-Host, which the web server has already rewritten from the socket and the
 * trusted proxies (normalizeForwardedHeaders).
 */
export function toFetchRequest(request: IncomingMessage): Request {
  const proto = String(request.headers["x-forwarded-proto"] ?? "http");
  const host = String(request.headers["x-forwarded-host"] ?? request.headers.host ?? "localhost");
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(request.url ?? "/", `${proto}://${host}`), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a Fetch API Response's status and headers to a Node response. */
export function writeFetchHead(response: Response, target: ServerResponse): void {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  target.writeHead(response.status, response.statusText, headers);
}

/** Writes a Fetch API Response to a Node response, streaming its body. */
export async function sendFetchResponse(response: Response, target: ServerResponse): Promise<void> {
  writeFetchHead(response, target);
  if (!response.body) {
    target.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), target);
}
