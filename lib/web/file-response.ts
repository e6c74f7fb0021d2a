import { Readable } from "node:stream";
import type { FileBytes } from "../files/open-file-bytes";
import { AppError } from "../errors";
import { errorResponse } from "./error-response";
import { parseByteRange } from "./parse-byte-range";
import { requestLocale } from "./request-locale";

/** RFC 5987 encoding: percent-encoded UTF-8 with only attr-chars left as they are. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Content-Disposition header (RFC 6266) that keeps any Unicode file name, with an ASCII fallback for old clients. */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_").trim() || "download";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

type HeaderVisitor = (value: string, name: string, parent: Headers) => void;

/**
 * Next's response writer drops Content-Length from route handlers' responses (it cannot know whether a
 * body was re-encoded). Ours are stored bytes sent as they are, and clients rely on the length for
 * progress and seeking, so the header is reported under its canonical spelling, which passes through.
 */
function keepContentLength(response: Response): Response {
  const headers = response.headers;
  const reported = new Proxy(headers, {
    get(target, property) {
      if (property === "forEach") {
        return (visit: HeaderVisitor) =>
          target.forEach((value, name) => visit(value, name === "content-length" ? "Content-Length" : name, target));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  Object.defineProperty(response, "headers", { value: reported });
  return response;
}

/**
 * Streams a stored file: whole (200) or one byte range (206), with validators so that browsers and
 * players can cache and seek. An unsatisfiable range is a 416.
 */
export function fileResponse(request: Request, file: FileBytes, disposition: "attachment" | "inline"): Response {
  const etag = `"${file.fileId}-${file.size}"`;
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=3600",
    ETag: etag,
    "Last-Modified": file.createdAt.toUTCString(),
    "Content-Type": file.mime,
    "Content-Disposition": contentDisposition(file.name, disposition),
    "X-Content-Type-Options": "nosniff",
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const range = parseByteRange(request.headers.get("range"), file.size);
  if (range === null) {
    const refusal = errorResponse(new AppError("range_not_satisfiable"), requestLocale(request));
    refusal.headers.set("Content-Range", `bytes */${file.size}`);
    return refusal;
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${file.size}`);
  const body = request.method === "HEAD" || file.size === 0 ? null : (Readable.toWeb(file.read(range)) as ReadableStream<Uint8Array>);
  return keepContentLength(new Response(body, { status: range ? 206 : 200, headers }));
}
