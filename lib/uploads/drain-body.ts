import type { Readable } from "node:stream";

/** How long the rest of a refused body is read at most. */
const DRAIN_LIMIT_MS = 10_000;

/**
 * Reads the rest of a refused request body (an upload's, or a JSON body's) and throws it away, up to
 * `limitBytes` and 10 s; past either the body is destroyed, which closes its connection. Left unread, a
 * body stalls the keep-alive connection it came on, and a client still sending when we answer usually
 * reports a broken connection rather than the error we sent.
 */
export function drainBody(body: Readable, limitBytes: number): Promise<void> {
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const finish = (destroy: boolean) => {
      clearTimeout(timer);
      body.removeAllListeners("data");
      if (destroy) body.destroy();
      resolve();
    };
    const timer = setTimeout(() => finish(true), DRAIN_LIMIT_MS);
    body.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > limitBytes) finish(true);
    });
    body.once("end", () => finish(false));
    body.once("error", () => finish(true));
    body.resume();
  });
}
