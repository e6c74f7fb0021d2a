import pg from "pg";
import { column, foreignKey, index, type SchemaShape } from "./schema-shape";

const ignoredTables = new Set(["_prisma_migrations"]);

const actions: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** What the `public` schema of a live database looks like, in the same shape as expectedSchema(). */
export async function introspectDatabase(databaseUrl: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const columns = await client.query<{ table: string; name: string; type: string; nullable: boolean; default: string | null }>(`
      SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
    const indexes = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(`
      SELECT c.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
             array(SELECT trim(both '"' from pg_get_indexdef(i.indexrelid, k, true)) || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                   FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)::text[] AS columns
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'`);
    const foreignKeys = await client.query<{ table: string; columns: string[]; target: string; target_columns: string[]; on_delete: string; on_update: string }>(`
      SELECT src.relname AS table, dst.relname AS target, con.confdeltype AS on_delete, con.confupdtype AS on_update,
             array(SELECT attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.n ORDER BY k.i)::text[] AS columns,
             array(SELECT attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.n ORDER BY k.i)::text[] AS target_columns
      FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`);

    const keep = <T extends { table: string }>(rows: T[]) => rows.filter((row) => !ignoredTables.has(row.table));
    const shape: SchemaShape = {
      enums: enums.rows.map((row) => `${row.name}: ${row.values.join(", ")}`),
      tables: [...new Set(keep(columns.rows).map((row) => row.table))],
      columns: keep(columns.rows).map((row) => column(row.table, row.name, row.type, row.nullable, row.default)),
      indexes: keep(indexes.rows).map((row) => index(row.table, row.primary ? "primary" : row.unique ? "unique" : "index", row.columns)),
      foreignKeys: keep(foreignKeys.rows).map((row) =>
        foreignKey(row.table, row.columns, row.target, row.target_columns, actions[row.on_delete]!, actions[row.on_update]!),
      ),
    };
    for (const list of Object.values(shape)) list.sort();
    return shape;
  } finally {
    await client.end();
  }
}
