import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { contentSecurityPolicy } from "./lib/web/security-headers";

const handleI18nRouting = createMiddleware(routing);

/**
 * Localizes page paths and gives each page response a Content-Security-Policy with a fresh nonce. Next
 * reads the policy from the request headers while rendering and puts the nonce on its inline scripts,
 * so no inline script needs 'unsafe-inline'.
 */
export default function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  request.headers.set("content-security-policy", policy);
  const response = handleI18nRouting(request);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: the API, the operators' /admin, Next's assets and files with an extension are not localized.
  matcher: ["/((?!api|admin|_next|_vercel|.*\\..*).*)"],
};
