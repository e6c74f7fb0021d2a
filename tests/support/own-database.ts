import { afterAll, beforeAll } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { closeDb } from "@/lib/db";
import { provisionTestDatabase, type TestDatabase } from "./test-database";

/**
 * A migrated database for this test file alone: its tasks, its dispatcher and its workers see no
 * other file's rows or jobs. Call it before anything that connects (withWorker, withTestBoss), so
 * that this process and the workers it starts use it; the database is dropped after the file.
 */
export function withOwnDatabase(): { url: string } {
  const context = { url: "" };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await provisionTestDatabase();
    await applyMigrations({ databaseUrl: database.url });
    context.url = database.url;
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await closeDb();
    await database?.drop();
  });
  return context;
}
