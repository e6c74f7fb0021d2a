import type { PgBoss } from "pg-boss";

/** A started pg-boss that sends like the web app does (call after benchEnvironment()). */
export async function startBenchBoss(): Promise<PgBoss> {
  const { getBoss } = await import("../../lib/queue/get-boss");
  return getBoss("web");
}
