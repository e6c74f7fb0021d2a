/** Prisma's codes for an unreachable server, a dropped connection and an exhausted wait for one. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
/** PostgreSQL: class 08 is a connection exception; 57P01-57P03 are a server shutting down or starting. */
const SQLSTATE = /^(08\d{3}|57P0[123])$/;
const PG_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server/i;

/**
 * Whether an error means the database is out of reach (restarting, network cut, connections
 * dropped), as opposed to a bug or a refused query. Looks through Prisma's and the driver's nested
 * causes, where the original socket or PostgreSQL error ends up.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, kind, originalCode, message, cause, meta } = error as Record<string, unknown>;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (typeof originalCode === "string" && (SOCKET_CODES.has(originalCode) || SQLSTATE.test(originalCode))) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
  const driverError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isDatabaseUnreachable(cause, depth + 1) || isDatabaseUnreachable(driverError, depth + 1);
}
