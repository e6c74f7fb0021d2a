import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { prefixedLogger } from "./prefixed-logger";

export type DatabaseProcess = { stop: () => Promise<void> };

/** Starts scripts/start/run-database.ts on `port` and resolves once the embedded server accepts connections. */
export function startDatabaseProcess(port: number): Promise<DatabaseProcess> {
  const log = prefixedLogger("db");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start/run-database.ts"], {
    detached: true,
    env: { ...process.env, EMBEDDED_POSTGRES_PORT: String(port) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  createInterface({ input: child.stderr }).on("line", log);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line !== "ready") return log(line);
      resolve({
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`the embedded database exited during start-up (code ${child.exitCode})`)));
  });
}
