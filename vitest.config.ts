import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-env.ts"],
    // Integration and browser tests share one database, server and worker pool: run files one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], exclude: ["tests/integration/s3/**", "tests/integration/hosts/**"] },
      },
      // The product spread over several hosts (network namespaces): one long file, a project of its own so
      // that `npm test` can run it beside the integration suite.
      { extends: true, test: { name: "hosts", include: ["tests/integration/hosts/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
      {
        // The API and worker suites once more with every file in an S3 bucket (s3rver), plus the driver's own tests.
        extends: true,
        test: {
          name: "s3",
          globalSetup: ["tests/s3-global-setup.ts"],
          include: ["tests/integration/api/**/*.test.ts", "tests/integration/worker/**/*.test.ts", "tests/integration/s3/**/*.test.ts"],
          // Files that never read or write stored bytes: the storage driver cannot change what they check.
          exclude: [
            "tests/integration/api/{metrics,rate-limits,events,queue-dashboard,method-not-allowed,health,security-headers,operator-console}.test.ts",
            "tests/integration/api/{task-admission,error-messages,json-body-limit,identity,transfers}.test.ts",
            "tests/integration/worker/{running-caps,database-restart}.test.ts",
          ],
        },
      },
    ],
  },
});
