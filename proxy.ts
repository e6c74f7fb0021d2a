import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { refuseNonOperator } from "./lib/web/operator-access";
import { contentSecurityPolicy } from "./lib/web/security-headers";

const handleI18nRouting = createMiddleware(routing);

/** The operator console's pages (the queue dashboard under /admin/queues is served before Next). */
const isOperatorPage = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

/**
 * Localizes page paths and gives each page response a Content-Security-Policy with a fresh nonce. Next
 * reads the policy from the request headers while rendering and puts the nonce on its inline scripts,
 * so no inline script needs 'unsafe-inline'. The operator console is not localized and only operators
 * reach it (`refuseNonOperator`: HTTP basic auth with ADMIN_PASSWORD).
 */
export default function proxy(request: NextRequest) {
  const operatorPage = isOperatorPage(request.nextUrl.pathname);
  const refused = operatorPage ? refuseNonOperator(request) : null;
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  request.headers.set("content-security-policy", policy);
  const response = operatorPage ? NextResponse.next({ request: { headers: request.headers } }) : handleI18nRouting(request);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: the API, Next's assets and files with an extension are not localized.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
