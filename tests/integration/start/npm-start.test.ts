import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, createDevelopmentSecrets, parseConfig } from "@/lib/config";
import { chooseEmbeddedPostgresPort } from "../../../scripts/start/embedded-postgres/choose-embedded-postgres-port";
import { isAlive } from "../../support/is-alive";
import { freePort } from "../../support/test-database";
import { TEST_DIST_DIR } from "../../support/web-server";

type Started = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp) => Promise<RegExpMatchArray> };

/** The environment the product runs with: this one's, without DATABASE_URL (so it runs its own embedded database), plus `env`. */
function productEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  return { ...inherited, ...env };
}

/** Runs scripts/start.ts (what `npm start` runs) with the embedded database in `dataDir`. */
function startProduct(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...productEnv(env), NEXT_DIST_DIR: TEST_DIST_DIR },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), 90_000);
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitFor };
}

/** A port held by another program, as a second `npm start` finds the first one's ports. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, server };
}

/** The exit code once all output is in: call it right after starting. */
function exitOf(started: Started): Promise<number | null> {
  return new Promise((resolve) => started.child.on("close", resolve));
}

async function stopProduct(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.on("exit", resolve));
  started.child.kill("SIGTERM");
  return exited;
}

describe("npm start", () => {
  const dataDirs: string[] = [];
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it("runs the embedded database, web app and worker; restarts a dead worker; stops cleanly; keeps data across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "clipclean-start-"));
    await chmod(dataDir, 0o755);
    dataDirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_POSTGRES_PORT: String(await freePort()) };
    const baseUrl = `http://127.0.0.1:${env.PORT}`;

    const first = startProduct(env);
    const [, firstWorkerPid] = await first.waitFor(/\[worker\] worker ready \(pid (\d+)\)/);
    await first.waitFor(/\[web\].*Ready/);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    expect(await (await fetch(`${baseUrl}/en`)).text()).toContain("ClipClean");

    process.kill(Number(firstWorkerPid), "SIGKILL");
    await first.waitFor(/\[worker\] exited \(SIGKILL\); restarting in 1s/);
    const [, secondWorkerPid] = await first.waitFor(new RegExp(`\\[worker\\] worker ready \\(pid (?!${firstWorkerPid}\\))(\\d+)\\)`));
    expect(isAlive(Number(secondWorkerPid))).toBe(true);
    // Migrations are applied once, by the supervisor: its children (restarted ones too) have nothing to apply.
    expect(first.output().match(/applied migration 20261122000000_init/g)).toHaveLength(1);
    expect(first.output()).not.toContain("schema is up to date");

    const databaseUrl = parseConfig(productEnv(env)).databaseUrl;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`INSERT INTO visitors (id) VALUES ('survives-restart')`);
    await client.end();

    expect(await stopProduct(first)).toBe(0);
    expect(isAlive(Number(secondWorkerPid))).toBe(false);
    expect(existsSync(join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();

    const second = startProduct(env);
    await second.waitFor(/\[worker\] worker ready/);
    const again = new pg.Client({ connectionString: databaseUrl });
    await again.connect();
    const { rows } = await again.query(`SELECT id FROM visitors WHERE id = 'survives-restart'`);
    await again.end();
    expect(rows).toHaveLength(1);
    expect(second.output()).not.toContain("creating a new cluster");
    expect(await stopProduct(second)).toBe(0);
  });

  const asRoot = process.getuid?.() === 0;
  if (!asRoot) console.log("skipping the mode-700 DATA_DIR start: it is only meaningful as root, where PostgreSQL runs as the postgres user");

  it.skipIf(!asRoot)("as root, runs with DATA_DIR inside a folder the postgres user cannot enter, and finds its data again", async () => {
    const home = await mkdtemp(join(tmpdir(), "clipclean-home-"));
    await chmod(home, 0o700);
    dataDirs.push(home);
    const dataDir = join(home, "data");
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_POSTGRES_PORT: String(await freePort()) };

    const first = startProduct(env);
    const [, clusterDir] = await first.waitFor(/keeping the database cluster in (\S+)/);
    dataDirs.push(clusterDir!);
    await first.waitFor(/\[worker\] worker ready/);
    await first.waitFor(/\[web\].*Ready/);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
    expect(health.status).toBe(200);
    expect(first.output()).not.toContain("EACCES");
    const databaseUrl = parseConfig(productEnv(env)).databaseUrl;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`INSERT INTO visitors (id) VALUES ('behind-a-private-home')`);
    await client.end();
    expect(await stopProduct(first)).toBe(0);

    const second = startProduct(env);
    await second.waitFor(/\[worker\] worker ready/);
    const again = new pg.Client({ connectionString: databaseUrl });
    await again.connect();
    const { rows } = await again.query(`SELECT id FROM visitors WHERE id = 'behind-a-private-home'`);
    await again.end();
    expect(rows).toHaveLength(1);
    expect(second.output()).toContain(`keeping the database cluster in ${clusterDir}`);
    expect(second.output()).not.toContain("creating a new cluster");
    expect(await stopProduct(second)).toBe(0);
  });
});

describe("npm start beside another one", () => {
  const dataDirs: string[] = [];
  const held: Server[] = [];
  afterAll(async () => {
    for (const server of held) server.close();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });
  const newDataDir = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "clipclean-beside-"));
    await chmod(dataDir, 0o755);
    dataDirs.push(dataDir);
    return dataDir;
  };
  const hold = async () => {
    const holding = await holdPort();
    held.push(holding.server);
    return holding.port;
  };
  const noStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

  it("moves the embedded database of a data folder to the next free port when its port is taken, and remembers it", async () => {
    const dataDir = await newDataDir();
    const taken = await hold();
    await writeFile(join(dataDir, "embedded-postgres-port"), `${taken}\n`);
    createDevelopmentSecrets(productEnv({ DATA_DIR: dataDir }));
    const config = parseConfig(productEnv({ DATA_DIR: dataDir }));
    expect(config).toMatchObject({ embeddedPostgresPort: taken, embeddedPostgresPortSource: "DATA_DIR" });

    const choice = await chooseEmbeddedPostgresPort(config);
    expect(choice.movedFrom).toBe(taken);
    expect(choice.port).toBeGreaterThan(taken);
    expect(Number(await readFile(join(dataDir, "embedded-postgres-port"), "utf8"))).toBe(choice.port);

    await expect(chooseEmbeddedPostgresPort({ ...config, embeddedPostgresPortSource: "EMBEDDED_POSTGRES_PORT" })).rejects.toThrow(
      new ConfigError(`EMBEDDED_POSTGRES_PORT ${taken} is taken by another program; set EMBEDDED_POSTGRES_PORT to a free port`),
    );
  });

  it("comes up with its embedded database on another port when the remembered one is taken, saying so in one line", async () => {
    const dataDir = await newDataDir();
    const taken = await hold();
    await writeFile(join(dataDir, "embedded-postgres-port"), `${taken}\n`);
    const started = startProduct({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const [, moved] = await started.waitFor(/\[start\] starting embedded PostgreSQL on 127\.0\.0\.1:(\d+) \(data in .*; (\d+) is taken, so this data folder now uses \1\)/);
    await started.waitFor(/\[worker\] worker ready/);
    expect(Number(moved)).not.toBe(taken);
    expect(parseConfig(productEnv({ DATA_DIR: dataDir })).embeddedPostgresPort).toBe(Number(moved));
    expect(await stopProduct(started)).toBe(0);
  });

  it("refuses a taken PORT or an unwritable DATA_DIR in one line with exit code 1, before starting anything", async () => {
    const port = await hold();
    const portTaken = startProduct({ DATA_DIR: await newDataDir(), PORT: String(port) });
    expect(await exitOf(portTaken)).toBe(1);
    expect(portTaken.output().trim()).toBe(`PORT ${port} is taken by another program; stop it or set PORT to a free port`);

    const notAFolder = join(await newDataDir(), "a-file");
    await writeFile(notAFolder, "");
    const unwritable = startProduct({ DATA_DIR: join(notAFolder, "data"), PORT: String(await freePort()) });
    expect(await exitOf(unwritable)).toBe(1);
    expect(unwritable.output().trim()).toBe(`DATA_DIR ${join(notAFolder, "data")} is not a folder this user can write (ENOTDIR); set DATA_DIR to one that is`);

    const badSetting = startProduct({ DATA_DIR: await newDataDir(), PORT: "eighty" });
    expect(await exitOf(badSetting)).toBe(1);
    expect(badSetting.output().trim()).toMatch(/^Invalid configuration: PORT [^\n]+$/);
    for (const started of [portTaken, unwritable, badSetting]) noStack(started.output());
  });
});
