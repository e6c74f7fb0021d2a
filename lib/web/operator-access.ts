import { createHash, timingSafeEqual } from "node:crypto";
import { getConfig } from "../config";
import { AppError } from "../errors";
import { errorResponse } from "./error-response";
import { requestLocale } from "./request-locale";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether an Authorization header is HTTP basic auth with the configured ADMIN_PASSWORD (any user
 * name). Compared in constant time over digests, so neither content nor length leaks; false when no
 * password is configured.
 */
function isAdminPassword(authorization: string | null): boolean {
  const expected = getConfig().adminPassword;
  if (!expected || !authorization) return false;
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return false;
  const credentials = Buffer.from(match[1]!, "base64").toString("utf8");
  const separator = credentials.indexOf(":");
  if (separator < 0) return false;
  return timingSafeEqual(digest(credentials.slice(separator + 1)), digest(expected));
}

/**
 * The one gate of every operator page and API (`/admin`, `/admin/queues`, `/api/admin/*`): null when
 * the request carries HTTP basic auth with ADMIN_PASSWORD (any user name); else the answer to send —
 * 404 `not_found` when no password is configured (their existence is not revealed), 401 `unauthorized`
 * with a WWW-Authenticate challenge otherwise.
 */
export function refuseNonOperator(request: Request): Response | null {
  const locale = requestLocale(request);
  if (!getConfig().adminPassword) return errorResponse(new AppError("not_found"), locale);
  if (isAdminPassword(request.headers.get("authorization"))) return null;
  const refused = errorResponse(new AppError("unauthorized"), locale);
  refused.headers.set("WWW-Authenticate", 'Basic realm="ClipClean operations", charset="UTF-8"');
  return refused;
}
