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

async function readsUnder(pid: number, folder: string): Promise<boolean> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return commandLine.includes(folder);
}

/**
 * Live ffmpeg/ffprobe processes anywhere below the given processes (the web server, the workers), and with
 * `readingUnder` also those whose command line names that folder (a run's data folder) wherever their parent went.
 */
export async function toolProcesses(rootPids: number[], options: { readingUnder?: string } = {}): Promise<ToolProcess[]> {
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
  const tools = stats.filter((stat) => !rootPids.includes(stat.pid) && stat.state !== "Z" && /^ff(mpeg|probe)$/.test(stat.command));
  const found: ToolProcess[] = [];
  for (const { pid, command, parentPid } of tools) {
    if (below.has(pid) || (options.readingUnder && (await readsUnder(pid, options.readingUnder)))) found.push({ pid, command, parentPid });
  }
  return found;
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
