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
