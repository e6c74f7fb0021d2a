/**
 * The web server (`npm run web`, and the "web" child of `npm start`): Next.js behind a small Node HTTP
 * server of our own, so that X-Forwarded-* headers are rewritten from the socket and the trusted
 * proxies before Next.js or any route reads them. Flags: --dev, --port <n> (default PORT), --hostname <h>.
 */
import { parseArgs } from "node:util";
import next from "next";
import { ConfigError, createDevelopmentSecrets, getConfig } from "../lib/config";
import { migrateOnStartup } from "../lib/database/apply-migrations";
import { removeStaleTempDirs } from "../lib/storage/temp-folders";
import { describeRole } from "../lib/roles/describe-role";
import { getStorage } from "../lib/storage/get-storage";
import { checkTaskRules } from "../lib/tasks/types/task-rules";
import { createHttpServer } from "../lib/web/create-http-server";
import { closeDashboard, isDashboardPath, serveDashboard } from "../lib/web/dashboard/serve-dashboard";
import { sendFetchResponse, toFetchRequest } from "../lib/web/node-http-bridge";
import { normalizeForwardedHeaders } from "../lib/web/normalize-forwarded-headers";
import { isTaskEventsRequest, serveTaskEvents } from "../lib/web/serve-task-events";

/** How long a stopping server lets requests in flight finish before it exits anyway. */
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dev: { type: "boolean" }, port: { type: "string" }, hostname: { type: "string" } } });
  const dev = values.dev ?? false;
  // As `next start`/`next dev` do: React and Next pick their production or development builds from it.
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  createDevelopmentSecrets();
  const config = getConfig();
  console.log(describeRole("web", config, getStorage()));
  checkTaskRules();
  await migrateOnStartup((line) => console.log(line));
  // Uploads are staged in this process's temporary folder; a web server that crashed left its own behind.
  await removeStaleTempDirs();
  const port = values.port ? Number(values.port) : config.port;
  const server = createHttpServer();
  const app = next({ dev, dir: process.cwd(), hostname: values.hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on("request", (request, response) => {
    normalizeForwardedHeaders(request, config.trustProxyHops);
    // The queue dashboard is its own application (React Router): served before Next, which would
    // localize its paths and give its pages a policy its inline scripts cannot meet.
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    // Live-update streams stay open for hours: served here, each costs a socket and a listener rather
    // than a whole Next request.
    const serving = isDashboardPath(pathname)
      ? serveDashboard(toFetchRequest(request)).then((answer) => sendFetchResponse(answer, response))
      : isTaskEventsRequest(request, pathname)
        ? serveTaskEvents(request, response)
        : handle(request, response);
    serving.catch((error: unknown) => {
      console.error("Unhandled error while serving a request:", error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the web server`);
    server.close(() => void Promise.allSettled([app.close(), closeDashboard()]).finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  server.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") console.error(`PORT ${port} is taken by another program; stop it or set PORT to a free port`);
    else if (error.code === "EACCES") console.error(`PORT ${port} needs privileges this user lacks; set PORT to one above 1023`);
    else console.error("The web server could not listen:", error);
    process.exit(1);
  });
  server.listen(port, values.hostname, () => console.log(`Ready on http://${values.hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
