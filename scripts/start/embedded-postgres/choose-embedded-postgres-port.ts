import { ConfigError, unwritableDataDir, type Config } from "../../../lib/config";
import { rememberPort } from "../../../lib/database/embedded-postgres-port";
import { isPortFree } from "../is-port-free";

/** How far above the wanted port a taken one is looked for. */
const SEARCH_SPAN = 100;

export type PortChoice = { port: number; /** Why the port is not the one wanted, when it is not. */ movedFrom?: number };

/**
 * The port the embedded database of `config.dataDir` runs on: EMBEDDED_POSTGRES_PORT exactly when set
 * (taken → ConfigError), otherwise the port remembered in DATA_DIR or the default, or when that is
 * taken — another `npm start` beside this one — the next free port above it. The choice is remembered,
 * so the web server and worker started on their own find the database, and the folder keeps its port.
 */
export async function chooseEmbeddedPostgresPort(config: Pick<Config, "dataDir" | "embeddedPostgresPort" | "embeddedPostgresPortSource">): Promise<PortChoice> {
  const wanted = config.embeddedPostgresPort;
  let choice: PortChoice | undefined;
  if (await isPortFree(wanted)) choice = { port: wanted };
  else if (config.embeddedPostgresPortSource === "EMBEDDED_POSTGRES_PORT") {
    throw new ConfigError(`EMBEDDED_POSTGRES_PORT ${wanted} is taken by another program; set EMBEDDED_POSTGRES_PORT to a free port`);
  } else {
    for (let port = wanted + 1; port <= Math.min(wanted + SEARCH_SPAN, 65535) && !choice; port++) {
      if (await isPortFree(port)) choice = { port, movedFrom: wanted };
    }
  }
  if (!choice) throw new ConfigError(`ports ${wanted} to ${wanted + SEARCH_SPAN} are all taken; set EMBEDDED_POSTGRES_PORT to a free port`);
  if (config.embeddedPostgresPortSource !== "EMBEDDED_POSTGRES_PORT") {
    try {
      rememberPort(config.dataDir, choice.port);
    } catch (error) {
      throw unwritableDataDir(config.dataDir, error);
    }
  }
  return choice;
}
