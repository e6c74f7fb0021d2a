import type { Readable } from "node:stream";

/** How much of a refused upload is still read (and discarded) so the client sees our answer instead of a reset. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_LIMIT_MS = 10_000;

/**
 * Discards the rest of a request body, up to a bound; past it the body is destroyed. Clients that are
 * still sending when we answer usually report a broken connection rather than the error we sent.
 */
export function drainBody(body: Readable): Promise<void> {
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
      if (drained > DRAIN_LIMIT_BYTES) finish(true);
    });
    body.once("end", () => finish(false));
    body.once("error", () => finish(true));
    body.resume();
  });
}
