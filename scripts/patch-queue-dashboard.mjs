// @pg-boss/dashboard 1.9.0 bundles its own pg-boss (12.33.2, database schema 42), whose write paths
// (retry, cancel, resume, delete) refuse any other schema with "pg-boss database requires migrations".
// This project's pg-boss 12.38 is at schema 46. The migrations from 42 to 46 only add nullable
// columns, a table and indexes, none of which the bundled SQL conflicts with, so the bundled check is
// widened to accept 42 to 46. A later schema is refused again until someone has checked it. Going back
// to pg-boss 12.33.2 instead is not possible: databases already migrated to 46 cannot go down.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const COMPATIBLE_UP_TO = 46;
const BUNDLED_CHECK = 'if (schemaVersion !== await this.schemaVersion()) throw new Error("pg-boss database requires migrations");';
const WIDENED_CHECK = `if (!((version) => version >= schemaVersion && version <= ${COMPATIBLE_UP_TO})(await this.schemaVersion())) throw new Error("pg-boss database requires migrations");`;

const bundle = join(dirname(createRequire(import.meta.url).resolve("@pg-boss/dashboard/package.json")), "build", "server", "index.js");
const source = readFileSync(bundle, "utf8");
if (source.includes(BUNDLED_CHECK)) writeFileSync(bundle, source.replace(BUNDLED_CHECK, WIDENED_CHECK));
else if (!source.includes(WIDENED_CHECK)) {
  console.warn("@pg-boss/dashboard's schema check is not the one expected: its actions may refuse this database (see scripts/patch-queue-dashboard.mjs)");
}
