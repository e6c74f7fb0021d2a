import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Which layer may import what (see README, "Layers"). Each entry is forbidden everywhere except in
 * `allowedIn`; the rule is restated per folder with what that folder may use taken out.
 */
const layers = {
  next: {
    paths: ["next"],
    patterns: ["next/*"],
    message: "next/* belongs to the web app: app/ and lib/web/ (lib/ is shared with the worker).",
  },
  media: {
    paths: ["sharp"],
    patterns: [],
    message: "Media tools are used only through lib/media/.",
  },
  queue: {
    paths: ["pg-boss"],
    patterns: [],
    message: "pg-boss is used only through lib/queue/ (sendJob, insertJobs, workQueues, ...).",
  },
  prisma: {
    paths: [],
    patterns: ["**/generated/prisma", "**/generated/prisma/*", "@prisma/*"],
    message: "The Prisma client is used only inside lib/; pages, routes and the worker call lib/ functions.",
  },
};

/** The no-restricted-imports rule for files that may use the `allowed` layers. */
function restrictLayers(...allowed) {
  const forbidden = Object.entries(layers).filter(([name]) => !allowed.includes(name)).map(([, layer]) => layer);
  return {
    "no-restricted-imports": [
      "error",
      {
        paths: forbidden.flatMap(({ paths, message }) => paths.map((name) => ({ name, message }))),
        patterns: forbidden.filter(({ patterns }) => patterns.length > 0).map(({ patterns, message }) => ({ group: patterns, message })),
      },
    ],
  };
}

const nextEntryFiles = ["next.config.ts", "proxy.ts", "i18n/**", "scripts/web-server.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Later entries win, so the more specific folders come last.
  { files: ["**/*.{ts,tsx,mjs,js}"], rules: restrictLayers() },
  { files: ["app/**", ...nextEntryFiles], rules: restrictLayers("next") },
  { files: ["lib/**"], rules: restrictLayers("prisma") },
  { files: ["lib/web/**"], rules: restrictLayers("prisma", "next") },
  { files: ["lib/media/**"], rules: restrictLayers("prisma", "media") },
  { files: ["lib/queue/**"], rules: restrictLayers("prisma", "queue") },
  // Tests check results the way a user would see them: an output image is read back with sharp.
  { files: ["tests/**"], rules: restrictLayers("media") },
  // Test and benchmark support seed rows directly and hold the process's boss to inspect jobs.
  { files: ["tests/support/**", "bench/support/**"], rules: restrictLayers("media", "prisma", "queue") },
  globalIgnores([".next/**", ".next-test/**", "lib/generated/**", ".data/**", ".test-data/**", "test-results/**", "next-env.d.ts"]),
]);
