/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) one after another and
 * prints their figures. Each module's default export runs one benchmark and returns its report.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

type Bench = () => Promise<Record<string, unknown>>;

const wanted = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  console.log(`\n== ${name}`);
  const bench = (await import(pathToFileURL(join(import.meta.dirname, file)).href)).default as Bench;
  const report = await bench();
  console.log(JSON.stringify(report, null, 2));
}
