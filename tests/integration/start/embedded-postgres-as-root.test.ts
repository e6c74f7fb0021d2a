import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/test-database";

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.log("skipping the embedded PostgreSQL start from a private folder: it is only meaningful as root");

const checkout = process.cwd();
const copiedModules = ["embedded-postgres", "@embedded-postgres"];

/**
 * A clone of the database start-up code inside `home`: scripts/start/embedded-postgres and the embedded-postgres packages
 * copied (so their binaries really sit behind `home`), every other package linked to this checkout's.
 */
async function cloneDatabaseCode(home: string): Promise<string> {
  const project = join(home, "project");
  await mkdir(join(project, "node_modules"), { recursive: true });
  await writeFile(join(project, "package.json"), JSON.stringify({ type: "module" }));
  const code = join("scripts", "start", "embedded-postgres");
  await cp(join(checkout, code), join(project, code), { recursive: true });
  for (const name of await readdir(join(checkout, "node_modules"))) {
    const source = join(checkout, "node_modules", name);
    const target = join(project, "node_modules", name);
    if (copiedModules.includes(name)) await cp(source, target, { recursive: true, verbatimSymlinks: true });
    else await symlink(source, target);
  }
  return project;
}

const script = `
import pg from "pg";
import { startEmbeddedPostgres } from "./scripts/start/embedded-postgres/start-embedded-postgres.ts";
const port = Number(process.env.PORT);
const server = await startEmbeddedPostgres({ dataDir: process.env.CLUSTER_DIR, port, password: "secret", database: "app", log: console.log });
const client = new pg.Client({ connectionString: \`postgresql://postgres:secret@127.0.0.1:\${port}/app\` });
await client.connect();
console.log("answer", (await client.query("SELECT 6 * 7 AS answer")).rows[0].answer);
await client.end();
await server.stop();
console.log("cluster", server.databaseDir);
`;

/** The copy of embedded-postgres that root keeps for the postgres user (made by whichever start needed it first). */
async function findCopy(): Promise<string> {
  const place = "/var/lib/clipclean";
  const copy = (await readdir(place)).find((name) => name.startsWith("embedded-postgres-"));
  if (!copy) throw new Error(`no copy of embedded-postgres under ${place}`);
  return join(place, copy);
}

function run(cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "start.ts"], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("embedded PostgreSQL as root", () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!asRoot)("starts from a project and DATA_DIR inside a mode-700 folder the postgres user cannot enter", async () => {
    const home = await mkdtemp(join(tmpdir(), "clipclean-private-"));
    cleanup.push(home);
    const project = await cloneDatabaseCode(home);
    await writeFile(join(project, "start.ts"), script);

    const { code, output } = await run(project, { PORT: String(await freePort()), CLUSTER_DIR: join(project, ".data", "postgres") });
    const clusterDir = output.match(/keeping the database cluster in (\S+)/)?.[1];
    if (clusterDir) cleanup.push(clusterDir);
    expect(output).not.toContain("EACCES");
    expect(code, output).toBe(0);
    expect(output).toMatch(/^answer 42$/m);
    expect(output).toContain(`cluster ${clusterDir}\n`);
    expect(clusterDir?.startsWith(home)).toBe(false);

    // The shared copy of the binaries outlives the checkout that made it: a link of its into a deleted
    // checkout must not break the next start.
    const pgLink = join(await findCopy(), "node_modules", "pg");
    await rm(pgLink, { force: true });
    await symlink(join(home, "deleted-checkout", "node_modules", "pg"), `${pgLink}.broken`);
    await rename(`${pgLink}.broken`, pgLink);
    const again = await run(project, { PORT: String(await freePort()), CLUSTER_DIR: join(project, ".data", "postgres") });
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/^answer 42$/m);
  }, 180_000);
});
