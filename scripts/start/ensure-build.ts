import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * What a production build is made from; a change to any of these makes the build stale. The Prisma
 * client under lib/generated is skipped as generated code: the schema it is generated from stands for it.
 */
const BUILD_INPUTS = ["app", "lib", "messages", "public", "i18n", "prisma/schema.prisma", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== "generated" && entry.name !== "node_modules")
    .flatMap((entry) => listFiles(join(path, entry.name)))
    .sort();
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

/** Runs `next build` into `distDir` unless the build there was made from the same sources. */
export async function ensureBuild(log: (line: string) => void, { distDir = ".next" } = {}): Promise<void> {
  const stampFile = join(distDir, "source-hash");
  const hash = sourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
    log("build is current");
    return;
  }
  log("building the web app (first start or sources changed)");
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [next, "build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  let output = "";
  const onOutput = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
    log(chunk.toString());
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output}`);
  writeFileSync(stampFile, hash);
}
