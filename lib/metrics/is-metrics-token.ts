import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether an Authorization header carries the configured metrics token. Compared in constant time
 * (over digests, so the token's length leaks nothing either); false when no token is configured.
 */
export function isMetricsToken(authorization: string | null): boolean {
  const expected = getConfig().metricsToken;
  if (!expected || !authorization) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(expected));
}
