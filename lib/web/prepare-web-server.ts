import { ConfigError, getConfig } from "../config";
import { migrateOnStartup } from "../database/migrate-on-startup";

/** Fails fast on bad configuration and brings the database schema up to date before serving. */
export async function prepareWebServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  await migrateOnStartup((line) => console.log(line));
}
