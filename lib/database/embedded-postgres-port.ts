import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const DEFAULT_EMBEDDED_POSTGRES_PORT = 54329;

/** The embedded database's port is kept beside its data, so one data folder keeps one port. */
const portFile = (dataDir: string) => join(dataDir, "embedded-postgres-port");

/** The port npm start chose for the embedded database of `dataDir`, if it chose one. */
export function readRememberedPort(dataDir: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(portFile(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const port = Number(text.trim());
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
}

export function rememberPort(dataDir: string, port: number): void {
  writeFileSync(portFile(dataDir), `${port}\n`);
}
