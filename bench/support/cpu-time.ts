import { readFileSync } from "node:fs";
import type { PgBoss } from "pg-boss";

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, 0 once it is gone (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) this process and its finished child processes (ffmpeg runs) have used so
 * far (Linux): unlike wall time, it does not grow when other work shares the machine.
 */
export function cpuSecondsWithChildren(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by the given processes and by every PostgreSQL backend serving this database. */
export async function cpuUsed(boss: PgBoss, pids: number[]): Promise<{ workers: number; database: number }> {
  const { rows } = await boss.getDb().executeSql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const backends = (rows as { pid: number }[]).map((row) => row.pid);
  const sum = (list: number[]) => list.reduce((total, pid) => total + cpuSeconds(pid), 0);
  return { workers: sum(pids), database: sum(backends) };
}
