import type { IncomingMessage } from "node:http";

type ForwardedRequest = Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string; encrypted?: boolean } };

function list(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined.split(",").map((entry) => entry.trim()).filter(Boolean);
}

/** What the outermost trusted proxy wrote: the `hops`-th entry from the right (the first when there are fewer). */
function fromTrustedProxy(value: string | string[] | undefined, hops: number): string | undefined {
  const entries = list(value);
  return entries[Math.max(0, entries.length - hops)];
}

function unmapped(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

/**
 * Rewrites X-Forwarded-For/-Proto/-Host/-Port before Next.js sees the request. Next fills these only
 * when they are absent, so whatever a client sent would otherwise pass for the truth. With no trusted
 * proxy they come from the socket and the Host header; behind `trustProxyHops` proxies the client is
 * the hops-th address from the right of X-Forwarded-For plus the socket, and protocol and host are the
 * ones the outermost trusted proxy reported. X-Forwarded-For ends up as the trusted chain, client first.
 */
export function normalizeForwardedHeaders(request: ForwardedRequest, trustProxyHops: number): void {
  const { headers, socket } = request;
  const chain = [...list(headers["x-forwarded-for"]), socket.remoteAddress ?? "unknown"].map(unmapped);
  headers["x-forwarded-for"] = chain.slice(Math.max(0, chain.length - 1 - trustProxyHops)).join(", ");
  const ownProto = socket.encrypted ? "https" : "http";
  if (trustProxyHops === 0) {
    headers["x-forwarded-proto"] = ownProto;
    delete headers["x-forwarded-port"];
    if (headers.host) headers["x-forwarded-host"] = headers.host;
    else delete headers["x-forwarded-host"];
    return;
  }
  headers["x-forwarded-proto"] = fromTrustedProxy(headers["x-forwarded-proto"], trustProxyHops) ?? ownProto;
  const host = fromTrustedProxy(headers["x-forwarded-host"], trustProxyHops) ?? headers.host;
  if (host) headers["x-forwarded-host"] = host;
  else delete headers["x-forwarded-host"];
  const port = fromTrustedProxy(headers["x-forwarded-port"], trustProxyHops);
  if (port) headers["x-forwarded-port"] = port;
  else delete headers["x-forwarded-port"];
}
