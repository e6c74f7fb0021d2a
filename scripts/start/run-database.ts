/**
 * The embedded PostgreSQL server as its own process group, so a Ctrl-C in the terminal reaches the
 * supervisor (which stops the web app and worker first) and not the database under them.
 * Prints "ready" once the database accepts connections; stops on SIGTERM/SIGINT or when the
 * supervisor's end of stdin closes (the supervisor died).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getConfig } from "../../lib/config";
import { startEmbeddedPostgres } from "./embedded-postgres/start-embedded-postgres";

const config = getConfig();
const server = await startEmbeddedPostgres({
  dataDir: join(config.dataDir, "postgres"),
  port: config.embeddedPostgresPort,
  password: readFileSync(join(config.dataDir, "secrets", "postgres-password"), "utf8").trim(),
  database: "app",
  log: (line) => console.log(line),
});
console.log("ready");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
