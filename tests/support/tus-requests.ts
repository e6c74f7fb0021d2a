import type { ApiVisitor } from "./api-visitor";

const TUS = { "tus-resumable": "1.0.0" };

/** tus's Upload-Metadata: comma-separated `key base64(value)` pairs. */
function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

/** Raw tus 1.0.0 requests of one visitor, as a client library would send them. */
export function tusRequests(visitor: ApiVisitor) {
  return {
    create: (options: { length: number; filename?: string; body?: Uint8Array }) =>
      visitor.request("/api/uploads/tus", {
        method: "POST",
        headers: {
          ...TUS,
          "upload-length": String(options.length),
          "upload-metadata": metadata({ filename: options.filename ?? "clip.mp4", filetype: "video/mp4" }),
          ...(options.body ? { "content-type": "application/offset+octet-stream" } : {}),
        },
        body: options.body && new Uint8Array(options.body),
      }),
    patch: (location: string, offset: number, bytes: Uint8Array) =>
      visitor.request(location, {
        method: "PATCH",
        headers: { ...TUS, "upload-offset": String(offset), "content-type": "application/offset+octet-stream" },
        body: new Uint8Array(bytes),
      }),
    head: (location: string) => visitor.request(location, { method: "HEAD", headers: TUS }),
    terminate: (location: string) => visitor.request(location, { method: "DELETE", headers: TUS }),
  };
}
