import { spawn } from "node:child_process";

/** How long a process gets to exit after SIGTERM before its whole group is killed outright. */
const KILL_GRACE_MS = 2_000;

/** Bytes of stdout kept; ffprobe's JSON for one file is far smaller. */
const MAX_STDOUT_BYTES = 8 * 1024 * 1024;

export type ProcessResult = { exitCode: number | null; killedBy: NodeJS.Signals | null; stdout: string; stderrTail: string };

export type RunProcessOptions = {
  command: string;
  /** The argument array (never a shell string). */
  args: string[];
  /** Aborting kills the process group: SIGTERM, then SIGKILL after a grace period. */
  signal: AbortSignal;
  onStderrLine?: (line: string) => void;
};

/** Process groups still running, killed when this process exits so no tool outlives it. */
const running = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

process.once("exit", () => running.forEach((pid) => killGroup(pid, "SIGKILL")));

/**
 * Runs an external tool in its own process group, so that a time limit or a cancel kills the tool and
 * anything it started. Resolves when it has exited (whatever the exit code); rejects only when it
 * could not be started or the signal was aborted (with the signal's reason, once the group is gone).
 */
export function runProcess({ command, args, signal, onStderrLine }: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const pid = child.pid;
    let stdout = "";
    let stderrTail = "";
    let partialLine = "";
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < MAX_STDOUT_BYTES) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4_000);
      // ffmpeg ends its status lines with \r: treat both as line ends.
      const lines = (partialLine + chunk).split(/[\r\n]/);
      partialLine = lines.pop() ?? "";
      if (onStderrLine) lines.filter(Boolean).forEach(onStderrLine);
    });
    const onAbort = () => {
      if (pid === undefined) return;
      killGroup(pid, "SIGTERM");
      killTimer = setTimeout(() => killGroup(pid, "SIGKILL"), KILL_GRACE_MS);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (pid !== undefined) running.add(pid);
    const settle = () => {
      signal.removeEventListener("abort", onAbort);
      clearTimeout(killTimer);
      if (pid !== undefined) running.delete(pid);
    };
    child.once("error", (error) => {
      settle();
      reject(error);
    });
    // The tool is gone, but something it started may still be running (and holding its pipes open).
    child.once("exit", () => pid !== undefined && killGroup(pid, "SIGKILL"));
    child.once("close", (exitCode, killedBy) => {
      settle();
      if (signal.aborted) return reject(signal.reason);
      resolve({ exitCode, killedBy, stdout, stderrTail });
    });
  });
}
