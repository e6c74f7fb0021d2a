import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/**
 * Sends one request over a pooled keep-alive connection; resolves with the status and milliseconds taken
 * (status 0 when the connection failed, e.g. a kept-alive socket the server closed as we reused it).
 */
export function timedRequest(url: string, options: { method?: string; cookie: string; body?: string }): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { cookie: options.cookie };
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    const sent = request(url, { method: options.method ?? "GET", agent, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      response.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    });
    sent.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    sent.end(options.body);
  });
}
