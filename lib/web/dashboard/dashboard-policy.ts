import { createHash } from "node:crypto";
import { contentSecurityPolicy } from "../security-headers";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy for one dashboard page: the product's policy plus the SHA-256 of each
 * inline script the page carries (the prebuilt dashboard renders its router state and entry point
 * inline and cannot take a nonce), so exactly those scripts run and no injected one does.
 */
export function dashboardPolicy(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body ?? "").digest("base64")}'`,
  );
  return contentSecurityPolicy().replace("script-src 'self'", ["script-src 'self'", ...new Set(hashes)].join(" "));
}
