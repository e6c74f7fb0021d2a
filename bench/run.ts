/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) one after another and
 * prints their figures. Each module's default export runs one benchmark and returns its report.
 * The run exits by itself once the benchmarks are done, with the throwaway database stopped.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { closeBenchEnvironment } from "./support/bench-environment";

type Bench = () => Promise<Record<string, unknown>>;

/** Time left for whatever a library keeps open after everything was closed, before the run ends anyway. */
const LINGER_MS = 5_000;

const wanted = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

try {
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, "");
    console.log(`\n== ${name}`);
    const bench = (await import(pathToFileURL(join(import.meta.dirname, file)).href)).default as Bench;
    const report = await bench();
    console.log(JSON.stringify(report, null, 2));
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeBenchEnvironment();
}
// The database and every process are gone by now; a stray timer or socket must not hold the run open.
setTimeout(() => {
  console.error(`bench: ending with resources still open: ${process.getActiveResourcesInfo().join(", ")}`);
  process.exit();
}, LINGER_MS).unref();
