import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../../lib/database/apply-migrations";
import { provisionTestDatabase } from "../../tests/support/test-database";
import { buildForTests, startWebServer } from "../../tests/support/web-server";

export const BENCH_SESSION_SECRET = "bench-session-secret-that-is-at-least-32-characters";

export type BenchServer = { baseUrl: string; pid: number; databaseUrl: string; dataDir: string; stop: () => Promise<void> };

/** A fresh database, data folder and production web server on loopback, for one benchmark. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const database = await provisionTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), "clipclean-bench-"));
  await applyMigrations({ databaseUrl: database.url });
  await buildForTests();
  const server = await startWebServer({ DATABASE_URL: database.url, DATA_DIR: dataDir, SESSION_SECRET: BENCH_SESSION_SECRET, ...env });
  return {
    baseUrl: server.baseUrl,
    pid: server.pid,
    databaseUrl: database.url,
    dataDir,
    stop: async () => {
      await server.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Latency percentiles in milliseconds. */
export function percentiles(samples: number[]): { count: number; p50: number; p90: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0).toFixed(2));
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}
