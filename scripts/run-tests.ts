/**
 * The vitest part of `npm test`. The S3 project (the API and worker suites again with files in a bucket)
 * has a database, server and bucket of its own, so it runs in a second vitest process beside the other
 * projects instead of after them; the production build both need is made once, first. Arguments (files,
 * `--project …`) go to a single vitest run instead.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { buildForTests } from "../tests/support/web-server";

const vitest = (args: string[], label: string): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${label}${line}\n`));
    }
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const extra = process.argv.slice(2);
await buildForTests();
const codes =
  extra.length > 0
    ? [await vitest(extra, "")]
    : await Promise.all([vitest(["--project", "unit", "--project", "integration", "--project", "e2e"], ""), vitest(["--project", "s3"], "[s3] ")]);
process.exit(codes.every((code) => code === 0) ? 0 : 1);
