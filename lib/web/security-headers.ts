/*
 * Browser-facing hardening shared by next.config.ts (static headers on every response) and proxy.ts
 * (the per-request page policy). Plain data and functions: next.config.ts loads this before Next runs.
 */

type PolicyOptions = {
  /** The per-request nonce Next puts on its own inline and bundle scripts; without one only same-origin scripts run. */
  nonce?: string;
  /** `next dev` evaluates modules with eval() for hot reloading. */
  development?: boolean;
};

/** The Content-Security-Policy header value. */
export function contentSecurityPolicy({ nonce, development = false }: PolicyOptions = {}): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...scripts, ...(development ? ["'unsafe-eval'"] : [])],
    // React renders style attributes (progress bars, the region editor); styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    // The service worker that shows task notifications (public/push-worker.js).
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** Headers every response carries, pages and API alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
