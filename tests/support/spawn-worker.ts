import { spawn } from "node:child_process";

export type WorkerProcess = {
  pid: number;
  output: () => string;
  /** SIGTERM, then wait for the process to exit. */
  stop: () => Promise<void>;
  /** SIGKILL (a crash), then wait for the process to exit. */
  kill: () => Promise<void>;
};

/** `node --import tsx worker/main.ts` with `env` added to this process's environment; resolves once it is ready. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.TEST_WORKER_LOGS) process.stderr.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => output.includes("worker ready") && resolve());
    void exited.then(() => reject(new Error(`worker exited during start-up:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid ?? 0, output: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
