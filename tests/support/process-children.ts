import { readdir, readFile } from "node:fs/promises";

/** Command names of the live child processes of `pid` (from /proc). */
export async function childCommands(pid: number): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const match = /^\d+ \((.*)\) (\S) (\d+)/.exec(stat);
    if (match && Number(match[3]) === pid && match[2] !== "Z") names.push(match[1]!);
  }
  return names;
}

/** Command names of every live process below `pid` (children, their children, ...). */
export async function descendantCommands(pid: number): Promise<string[]> {
  const parents = new Map<number, { parent: number; name: string }>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const match = /^\d+ \((.*)\) (\S) (\d+)/.exec(stat);
    if (match && match[2] !== "Z") parents.set(Number(entry), { parent: Number(match[3]), name: match[1]! });
  }
  const below = (candidate: number): boolean => {
    for (let current = parents.get(candidate)?.parent; current !== undefined && current > 1; current = parents.get(current)?.parent) {
      if (current === pid) return true;
    }
    return false;
  };
  return [...parents].filter(([candidate]) => below(candidate)).map(([, { name }]) => name);
}

/** A process's peak resident memory so far, in bytes (VmHWM from /proc). */
export async function peakMemoryBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kib) * 1024;
}
