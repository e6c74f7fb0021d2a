import { spawn, type ChildProcess } from "node:child_process";

export type WorkerProcess = {
  pid: number;
  output: () => string;
  /** SIGTERM, then wait for the process to exit. */
  stop: () => Promise<void>;
  /** SIGKILL (a crash), then wait for the process to exit. */
  kill: () => Promise<void>;
};

/** Starts `node <args>` with `env`, its stdout and stderr piped: here, or on another host (tests/support/network-hosts). */
export type Launch = (args: string[], env: Record<string, string>) => ChildProcess;

export const launchHere: Launch = (args, env) =>
  spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });

/**
 * `node --import tsx worker/main.ts` (or another `script` that prints "worker ready") with `env` added
 * to this process's environment, here or through `launch`; resolves once it is ready.
 */
export async function spawnWorker(
  env: Record<string, string>,
  { launch = launchHere, script = "worker/main.ts" }: { launch?: Launch; script?: string } = {},
): Promise<WorkerProcess> {
  const child = launch(["--import", "tsx", script], env);
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.TEST_WORKER_LOGS) process.stderr.write(chunk);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("worker ready") && resolve());
    void exited.then(() => reject(new Error(`worker exited during start-up:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid ?? 0, output: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
