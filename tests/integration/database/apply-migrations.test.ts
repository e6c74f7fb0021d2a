import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/database/apply-migrations";
import { expectedSchema } from "../../support/expected-schema";
import { introspectDatabase } from "../../support/introspect-database";
import { provisionTestDatabase, type TestDatabase } from "../../support/test-database";

async function migrationRows(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
  await client.end();
  return rows;
}

describe("the migrated database", () => {
  it("matches schema.prisma: tables, columns, types, nullability, defaults, indexes and foreign keys", async () => {
    const actual = await introspectDatabase(inject("databaseUrl"));
    const expected = expectedSchema();
    expect(actual.tables).toEqual(expected.tables);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.foreignKeys).toEqual(expected.foreignKeys);
  });
});

describe("applyMigrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await provisionTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("applies each migration exactly once when several processes start at the same moment", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => applyMigrations({ databaseUrl: database.url })));
    const appliedByAnyone = results.flat();
    const rows = await migrationRows(database.url);

    expect(rows.length).toBeGreaterThan(0);
    expect(appliedByAnyone.sort()).toEqual(rows.map((row) => row.migration_name).sort());
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await applyMigrations({ databaseUrl: database.url })).toEqual([]);
  });
});

describe("the short-id migration", () => {
  it("gives tasks that existed before it distinct short ids", async () => {
    const database = await provisionTestDatabase();
    const earlier = await mkdtemp(join(tmpdir(), "migrations-"));
    try {
      const names = (await readdir("prisma/migrations", { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
      for (const name of names.filter((name) => name < "20261206010000_task_short_ids")) await cp(join("prisma/migrations", name), join(earlier, name), { recursive: true });
      await applyMigrations({ databaseUrl: database.url, migrationsDir: earlier });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO visitors (id) VALUES ('v1')`);
        await client.query(`INSERT INTO tasks (id, visitor_id, type, expires_at, updated_at) SELECT 't' || n, 'v1', 'merge', now(), now() FROM generate_series(1, 500) n`);
        await applyMigrations({ databaseUrl: database.url });
        const { rows } = await client.query<{ short_id: string }>(`SELECT short_id FROM tasks`);
        expect(rows).toHaveLength(500);
        for (const row of rows) expect(row.short_id).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
        expect(new Set(rows.map((row) => row.short_id)).size).toBe(500);
        const inserted = await client.query<{ short_id: string }>(`INSERT INTO tasks (id, visitor_id, type, expires_at, updated_at) VALUES ('new', 'v1', 'merge', now(), now()) RETURNING short_id`);
        expect(inserted.rows[0]!.short_id).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      } finally {
        await client.end();
      }
    } finally {
      await rm(earlier, { recursive: true, force: true });
      await database.drop();
    }
  });
});
