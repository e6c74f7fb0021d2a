import { resolveVisitor } from "../identity/resolve-visitor";
import { readCookie } from "./read-cookie";
import { isHttpsRequest } from "./request-origin";
import { readSessionCookie, sessionCookie } from "./session";

export type RequestVisitor = { visitorId: string; setCookie?: string };

/** The visitor behind a request's cookie (a new visitor when there is no valid one), and the cookie to send back if it changed. */
export async function identifyVisitor(request: Request): Promise<RequestVisitor> {
  const https = isHttpsRequest(request);
  const { session, currentName } = await readSessionCookie((name) => readCookie(request.headers.get("cookie"), name), https);
  const visitor = await resolveVisitor({ visitorId: session?.visitorId, seenAt: session?.seenAt });
  if (!visitor.refreshed && currentName) return { visitorId: visitor.visitorId };
  const setCookie = await sessionCookie({ visitorId: visitor.visitorId, seenAt: visitor.seenAt }, https);
  return { visitorId: visitor.visitorId, setCookie };
}
