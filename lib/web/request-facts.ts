/*
 * What a request says about its client: address, scheme, host, origin and cookies.
 * X-Forwarded-* are read as given: the web server in front of Next rewrites them from the socket
 * (keeping only what configured proxies said), so inside route code they describe the real client.
 */

type HeaderSource = Pick<Headers, "get">;

/** Whether the request reached us over https, from its headers (`url` is the fallback without a proxy's word). */
export function isHttpsHeaders(headers: HeaderSource, url?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return url !== undefined && new URL(url).protocol === "https:";
}

/** Whether the request reached us over https, directly or through a proxy that says so. */
export function isHttpsRequest(request: Request): boolean {
  return isHttpsHeaders(request.headers, request.url);
}

/** The host (name and port) the client addressed, as the browser sees it. */
export function requestHost(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || request.headers.get("host") || new URL(request.url).host).toLowerCase();
}

/** The origin (scheme and host) the client addressed, in the form a browser sends in `Origin`. */
export function requestOrigin(request: Request): string {
  return `${isHttpsRequest(request) ? "https" : "http"}://${requestHost(request)}`;
}

/**
 * The address of the client that sent the request. Only meaningful behind scripts/web-server.ts, which
 * rewrites X-Forwarded-For from the socket and the trusted proxies so that its first entry is the client.
 */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/** The value of cookie `name` in a Cookie request header, if present. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
