import { readdir, readFile } from "node:fs/promises";

export type ToolProcess = { pid: number; command: string; parentPid: number };

type ProcStat = { pid: number; command: string; state: string; parentPid: number };

async function readStats(): Promise<ProcStat[]> {
  const stats: ProcStat[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const match = /^(\d+) \((.*)\) (\S) (\d+)/.exec(text);
    if (match) stats.push({ pid: Number(match[1]), command: match[2]!, state: match[3]!, parentPid: Number(match[4]) });
  }
  return stats;
}

/** Live ffmpeg/ffprobe processes anywhere below the given processes (the web server, the workers). */
export async function toolProcesses(rootPids: number[]): Promise<ToolProcess[]> {
  const stats = await readStats();
  const below = new Set(rootPids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (below.has(stat.parentPid) && !below.has(stat.pid)) {
        below.add(stat.pid);
        grew = true;
      }
    }
  }
  return stats
    .filter((stat) => below.has(stat.pid) && !rootPids.includes(stat.pid) && stat.state !== "Z" && /^ff(mpeg|probe)$/.test(stat.command))
    .map(({ pid, command, parentPid }) => ({ pid, command, parentPid }));
}

/** Whether a process is still running (not gone, not a zombie). */
export async function isRunning(pid: number): Promise<boolean> {
  const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const state = /^\d+ \(.*\) (\S)/.exec(text)?.[1];
  return state !== undefined && state !== "Z";
}

/** Ends leftover tool processes this run caused, one by one by pid. */
export function killProcesses(processes: ToolProcess[]): void {
  for (const { pid } of processes) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
