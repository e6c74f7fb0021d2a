// Prisma's CLI wants a native schema engine from a CDN even though `generate`
// never calls it; pointing it at a no-op executable keeps installs offline.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stubDir = join(tmpdir(), "prisma-engine-stub");
const stub = join(stubDir, "schema-engine");
mkdirSync(stubDir, { recursive: true });
writeFileSync(stub, "#!/bin/sh\nexit 0\n");
chmodSync(stub, 0o755);

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
