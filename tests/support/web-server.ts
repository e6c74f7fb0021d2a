import { type ChildProcess } from "node:child_process";
import { ensureBuild } from "../../scripts/start/ensure-build";
import { launchHere, type Launch } from "./spawn-worker";
import { freePort } from "./test-database";

export type WebServer = { baseUrl: string; pid: number; output: () => string; stop: () => Promise<void> };

/** The distDir tests build into, so a test run never disturbs a running `npm start`. */
export const TEST_DIST_DIR = ".next-test";

export async function buildForTests(): Promise<void> {
  await ensureBuild(() => {}, { distDir: TEST_DIST_DIR });
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`web server exited:\n${output()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((response) => response.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`web server did not become healthy:\n${output()}`);
}

/**
 * Every test and benchmark reaches its servers from one address, which the product's per-address and
 * per-visitor rate limits would soon refuse; servers lift them unless `env` sets them.
 */
const UNLIMITED_RATES = {
  RATE_LIMIT_NEW_VISITORS_PER_HOUR: "1000000",
  RATE_LIMIT_UPLOADS_PER_HOUR: "1000000",
  RATE_LIMIT_TASKS_PER_HOUR: "1000000",
};

/**
 * The production web server (scripts/web-server.ts) against the given database and data folder: on a
 * free loopback port here, or at `host`:`port` through `launch` (another host, tests/support/network-hosts).
 */
export async function startWebServer(
  env: Record<string, string>,
  { launch = launchHere, host = "127.0.0.1", port: fixedPort }: { launch?: Launch; host?: string; port?: number } = {},
): Promise<WebServer> {
  const port = fixedPort ?? (await freePort());
  const child = launch(["--import", "tsx", "scripts/web-server.ts", "--port", String(port), "--hostname", host], {
    ...UNLIMITED_RATES, ...env, PORT: String(port), NEXT_DIST_DIR: TEST_DIST_DIR, NODE_ENV: "production",
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.TEST_SERVER_LOGS) process.stderr.write(chunk);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const baseUrl = `http://${host}:${port}`;
  try {
    await waitUntilServing(baseUrl, child, () => output);
  } catch (error) {
    child.kill("SIGKILL"); // never leave a half-started server behind
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
