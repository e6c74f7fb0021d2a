import { request } from "node:http";
import { randomInt } from "node:crypto";

export type AddressedResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: unknown };

export type AddressedRequest = { method?: string; headers?: Record<string, string>; body?: Buffer };

/** A loopback address of its own for one test (127.0.0.0/8 all reaches this machine), so its counters start at zero. */
export function freshLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;
}

/** An HTTP request to `url` whose socket leaves from `localAddress`, as if it came from another client. */
export function requestFrom(localAddress: string, url: string, init: AddressedRequest = {}): Promise<AddressedResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? "GET", headers: init.headers, localAddress, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // not JSON (a page): the text is the body
        }
        resolve({ status: response.statusCode!, headers: response.headers, body });
      });
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

/** A multipart/form-data body with the given files as `file` parts, ready for requestFrom. */
export async function multipartBody(files: { name: string; bytes: Buffer }[]): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}
