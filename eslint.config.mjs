import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Which packages a part of the project may import (see README, "Layers"). Each entry is forbidden
 * everywhere except where a rule below allows it.
 */
const packageLayers = {
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

/**
 * The folders of lib/, lowest first (see README, "Layers"). A folder imports from its own layer and the
 * ones below it, never from a layer above. The files at lib/'s top (config, db, errors, ...) are the ground.
 */
const libLayers = [
  ["database", "storage", "media", "queue"],
  ["identity", "abuse", "webhooks", "push", "files", "uploads", "transfers", "i18n"],
  ["tasks", "previews"],
  ["retention", "metrics", "health", "roles"],
  ["web"],
];

/** Plain data of tasks (wire shapes, states, what a client may ask of a type) that lower layers may read. */
const TASK_SHAPES = "(?:task-view|task-states|types/[\\w-]+-rules)";

/** Never reach up into tasks, not even for its shapes. */
const BELOW_TASK_SHAPES = ["database", "storage", "media"];

/** An import of lib/`folder`: `@/lib/folder/...` or `../folder/...` from inside lib/. */
const importOf = (folder) => `^(?:@/lib/|(?:\\.\\./)+)${folder}(?:/|$)`;

/** The patterns that keep `folder` from importing the layers above its own. */
function directionPatterns(folder) {
  const layer = libLayers.findIndex((folders) => folders.includes(folder));
  return libLayers.slice(layer + 1).flat().map((above) => ({
    regex: above === "tasks" && !BELOW_TASK_SHAPES.includes(folder) ? `^(?:@/lib/|(?:\\.\\./)+)tasks/(?!${TASK_SHAPES}$)` : importOf(above),
    message: `lib/${folder} is below lib/${above} and must not import it (see README, "Layers")${above === "tasks" && !BELOW_TASK_SHAPES.includes(folder) ? "; only tasks' plain shapes are shared downwards" : ""}.`,
  }));
}

/** The no-restricted-imports rule for files that may use the `allowed` packages, plus `patterns` of their own. */
function restrictLayers(allowed, patterns = []) {
  const forbidden = Object.entries(packageLayers).filter(([name]) => !allowed.includes(name)).map(([, layer]) => layer);
  return {
    "no-restricted-imports": [
      "error",
      {
        paths: forbidden.flatMap(({ paths, message }) => paths.map((name) => ({ name, message }))),
        patterns: [
          ...forbidden.filter((layer) => layer.patterns.length > 0).map((layer) => ({ group: layer.patterns, message: layer.message })),
          ...patterns,
        ],
      },
    ],
  };
}

/** The packages each lib/ folder may use besides the Prisma client, which all of lib/ may. */
const libPackages = { web: ["next"], media: ["media"], queue: ["queue"] };

const nextEntryFiles = ["next.config.ts", "proxy.ts", "i18n/**", "scripts/web-server.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Later entries win, so the more specific folders come last.
  { files: ["**/*.{ts,tsx,mjs,js}"], rules: restrictLayers([]) },
  { files: ["app/**", ...nextEntryFiles], rules: restrictLayers(["next"]) },
  { files: ["lib/**"], rules: restrictLayers(["prisma"]) },
  ...libLayers.flat().map((folder) => ({
    files: [`lib/${folder}/**`],
    rules: restrictLayers(["prisma", ...(libPackages[folder] ?? [])], directionPatterns(folder)),
  })),
  // Tests check results the way a user would see them: an output image is read back with sharp.
  { files: ["tests/**"], rules: restrictLayers(["media"]) },
  // Test and benchmark support seed rows directly and hold the process's boss to inspect jobs.
  { files: ["tests/support/**", "bench/support/**"], rules: restrictLayers(["media", "prisma", "queue"]) },
  globalIgnores([".next/**", ".next-test/**", "lib/generated/**", ".data/**", ".test-data/**", "test-results/**", "next-env.d.ts"]),
]);
