/**
 * The vitest part of `npm test`. Every vitest run has a database, server and worker of its own (the S3
 * project a bucket too), so the projects run in two processes side by side, about evenly loaded: unit
 * and integration in one; the S3 project (the API and worker suites again with files in a bucket), then
 * the browser suites, then the several-hosts proof in the other. The production build they all need is made once, first.
 * Arguments (files, `--project …`) go to a single vitest run instead.
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
    : (
        await Promise.all([
          vitest(["--project", "unit", "--project", "integration"], "").then((code) => [code]),
          vitest(["--project", "s3"], "[s3] ").then(async (code) => [code, await vitest(["--project", "e2e"], "[e2e] "), await vitest(["--project", "hosts"], "[hosts] ")]),
        ])
      ).flat();
process.exit(codes.every((code) => code === 0) ? 0 : 1);
