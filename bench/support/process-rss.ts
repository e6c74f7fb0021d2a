import { readFileSync } from "node:fs";

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Every process started by `pid`, and by those, at this moment (Linux). */
export function descendantsOf(pid: number): number[] {
  return children(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

/** Resident memory of one process, in bytes (Linux). */
export function processRss(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux). */
export function processTreeRss(pid: number): number {
  return processRss(pid) + children(pid).reduce((total, child) => total + processTreeRss(child), 0);
}
