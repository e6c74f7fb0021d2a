/**
 * The address of the client that sent the request. Only meaningful behind scripts/web-server.ts, which
 * rewrites X-Forwarded-For from the socket and the trusted proxies so that its first entry is the client.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
