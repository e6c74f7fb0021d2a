import { AppError } from "../errors";
import { requestOrigin } from "./request-facts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `origin` normalised as scheme://host[:port] (default ports dropped), or null for `null` and garbage. */
function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.origin === "null" ? null : url.origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Refuses state-changing requests that a browser sent on behalf of another site: the Origin must match
 * the request's scheme and host (an http page cannot write to the https site). `Origin: null` (sandboxed
 * frames, file: pages, some redirects) is refused too. Requests without an Origin (non-browser
 * clients) pass unless the browser marked them cross-site.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const sent = normaliseOrigin(origin);
    if (sent === null || sent !== normaliseOrigin(requestOrigin(request))) throw new AppError("forbidden");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new AppError("forbidden");
}
