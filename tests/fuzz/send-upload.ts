import type { CorpusItem } from "./corpus-item";
import type { Locale } from "./error-messages";

export type Visitor = { cookie: string };

export type UploadedFile = { id: string; name: string; kind: string; mime: string; width: number; height: number; durationSec: number | null };

export type UploadAnswer = {
  status: number;
  ms: number;
  /** No complete answer within the bound: the request was aborted. */
  hung: boolean;
  networkError?: string;
  body: unknown;
  file?: UploadedFile;
};

/** A new visitor of the server: the cookie its first request is given. */
export async function newVisitor(baseUrl: string): Promise<Visitor> {
  const response = await fetch(`${baseUrl}/api/me`, { signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`could not become a visitor: ${response.status}`);
  return { cookie };
}

/** POSTs one item to /api/uploads as a multipart part named `file`, with its name and MIME type, in `locale`. */
export async function sendUpload(options: { baseUrl: string; visitor: Visitor; item: CorpusItem; locale: Locale; timeoutMs: number }): Promise<UploadAnswer> {
  const { baseUrl, visitor, item, locale, timeoutMs } = options;
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(item.bytes)], { type: item.mime }), item.name);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/uploads?locale=${locale}`, {
      method: "POST", body: form, headers: { cookie: visitor.cookie }, signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const renewed = response.headers.get("set-cookie")?.split(";")[0];
    if (renewed) visitor.cookie = renewed;
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: judged as a malformed answer.
    }
    const file = response.status === 201 ? (body as { files?: UploadedFile[] }).files?.[0] : undefined;
    return { status: response.status, ms, hung: false, body, file };
  } catch (error) {
    const ms = performance.now() - started;
    const hung = error instanceof DOMException && error.name === "TimeoutError";
    return { status: 0, ms, hung, networkError: hung ? undefined : String(error), body: null };
  }
}
