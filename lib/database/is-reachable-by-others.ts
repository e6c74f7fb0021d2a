import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Whether another unprivileged user (PostgreSQL's `postgres`) can walk down to folder `path`: every
 * folder on the way, symlinks resolved, lets others through. A part that does not exist yet will be
 * created by root with the usual 755, so only the existing part counts.
 */
export function isReachableByOthers(path: string): boolean {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  for (let folder = realpathSync(existing); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
}
