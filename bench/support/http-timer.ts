import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/** Sends one request over a pooled keep-alive connection; resolves with the status and milliseconds taken. */
export function timedRequest(url: string, options: { method?: string; cookie: string; body?: string }): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie: options.cookie };
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    const sent = request(url, { method: options.method ?? "GET", agent, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(options.body);
  });
}
