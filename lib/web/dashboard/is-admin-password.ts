import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../../config";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether an Authorization header is HTTP basic auth with the configured ADMIN_PASSWORD (any user
 * name). Compared in constant time over digests, so neither content nor length leaks; false when no
 * password is configured.
 */
export function isAdminPassword(authorization: string | null): boolean {
  const expected = getConfig().adminPassword;
  if (!expected || !authorization) return false;
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return false;
  const credentials = Buffer.from(match[1]!, "base64").toString("utf8");
  const separator = credentials.indexOf(":");
  if (separator < 0) return false;
  return timingSafeEqual(digest(credentials.slice(separator + 1)), digest(expected));
}
