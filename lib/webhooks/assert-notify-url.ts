import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { isPrivateAddress } from "./is-private-address";

/** Resolves a host name to all of its addresses, as the connection would (node's dns.lookup). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A name that resolves slower than this is refused rather than holding the request open. */
const LOOKUP_TIMEOUT_MS = 5_000;

async function resolvesOnlyToPublic(hostname: string, resolve: ResolveHost): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lookup of ${hostname} timed out`)), LOOKUP_TIMEOUT_MS);
  });
  try {
    const addresses = await Promise.race([resolve(hostname), timeout]);
    return addresses.length > 0 && !addresses.some(isPrivateAddress);
  } catch {
    return false; // a name that does not resolve cannot receive anything either
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Refuses (400 invalid_params, field notifyUrl unless `field` names another) a webhook address the server must not call: anything
 * but https, or a host that is — or resolves to, by any of its addresses — loopback, private, link-local, CGNAT, multicast, unspecified or IPv6 unique-local.
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS lifts the address rule and allows http. The connection itself is
 * checked again when the webhook is sent, since a name may resolve elsewhere by then.
 */
export async function assertNotifyUrl(
  notifyUrl: string,
  options: { resolve?: ResolveHost; allowPrivateNetworks?: boolean; field?: string } = {},
): Promise<void> {
  const refuse = () => new AppError("invalid_params", options.field ?? "notifyUrl");
  const allowPrivateNetworks = options.allowPrivateNetworks ?? getConfig().webhooks.allowPrivateNetworks;
  const url = URL.parse(notifyUrl);
  if (!url || !url.hostname) throw refuse();
  const schemes = allowPrivateNetworks ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) throw refuse();
  if (allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw refuse();
    return;
  }
  if (!(await resolvesOnlyToPublic(host, options.resolve ?? resolveWithDns))) throw refuse();
}
