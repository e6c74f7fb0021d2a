/*
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
