import { createServer, type Server } from "node:http";

/**
 * Longer than the idle timeout of the proxies and load balancers put in front of us (65 s is common):
 * the proxy must be the one to close an idle connection, or it may send a request down a socket that
 * this server is closing at the same moment and answer 502.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;

/** The web server's HTTP server: idle keep-alive connections outlast a proxy's. */
export function createHttpServer(): Server {
  const server = createServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node needs the header timeout above the keep-alive one, or a request arriving on a connection about to time out is cut.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return server;
}
