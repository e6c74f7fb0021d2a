import { AppError } from "../errors";
import { requestHost } from "./request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Refuses state-changing requests that a browser sent on behalf of another site. Requests without
 * an Origin (non-browser clients) pass unless the browser marked them cross-site.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (hostOf(origin) !== requestHost(request)) throw new AppError("forbidden");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new AppError("forbidden");
}
