import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { prefixedLogger } from "./prefixed-logger";

export type SupervisedProcess = { stop: () => Promise<void> };

type Options = { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; stopGraceMs: number };

const MAX_BACKOFF_MS = 30_000;
/** A process that stayed up this long is considered healthy again, so its backoff resets. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs a child in its own process group with prefixed output, restarts it with exponential backoff
 * when it dies, and on stop sends SIGTERM to the child, then SIGKILL to its whole process group once it
 * has exited or a grace period has passed.
 */
export function superviseProcess(options: Options): SupervisedProcess {
  const log = prefixedLogger(options.name);
  let child: ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const run = () => {
    const startedAt = Date.now();
    child = spawn(options.command, options.args, { env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    createInterface({ input: child.stdout! }).on("line", log);
    createInterface({ input: child.stderr! }).on("line", log);
    child.on("exit", (code, signal) => {
      child = undefined;
      if (stopping) return;
      failures = Date.now() - startedAt > HEALTHY_AFTER_MS ? 1 : failures + 1;
      const delay = Math.min(1000 * 2 ** (failures - 1), MAX_BACKOFF_MS);
      log(`exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000}s`);
      restartTimer = setTimeout(run, delay);
    });
  };
  run();

  const signalGroup = (target: ChildProcess, signal: NodeJS.Signals) => {
    try {
      process.kill(-target.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  };

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        clearTimeout(restartTimer);
        const running = child;
        if (!running) return resolve();
        const killTimer = setTimeout(() => signalGroup(running, "SIGKILL"), options.stopGraceMs);
        running.on("exit", () => {
          clearTimeout(killTimer);
          signalGroup(running, "SIGKILL");
          resolve();
        });
        // Only the child itself: a worker lets its running ffmpeg jobs finish within its grace
        // period, so they must not get the signal too. Whatever is left is killed after it exits.
        running.kill("SIGTERM");
      }),
  };
}
