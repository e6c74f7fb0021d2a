import { resolveVisitor } from "../identity/resolve-visitor";
import { clientAddress, readCookie, isHttpsRequest } from "./request-facts";
import { readSessionCookie, sessionCookie } from "./session";

/**
 * The visitor id of a request that has no visitor (a read without a valid cookie): it owns nothing, so
 * reads answer as for an empty visitor. Visitor ids are UUIDs, so no row can ever have it.
 */
const NO_VISITOR_ID = "none";

export type RequestVisitor = { visitorId: string; setCookie?: string };

/**
 * The visitor behind a request's cookie and the cookie to send back if it changed. Without a valid cookie,
 * a new visitor is made only when `create` is set (requests that will store something for the visitor).
 */
export async function identifyVisitor(request: Request, { create }: { create: boolean }): Promise<RequestVisitor> {
  const https = isHttpsRequest(request);
  const { session, currentName } = await readSessionCookie((name) => readCookie(request.headers.get("cookie"), name), https);
  const visitor = await resolveVisitor({
    visitorId: session?.visitorId,
    seenAt: session?.seenAt,
    create,
    clientAddress: clientAddress(request),
  });
  if (!visitor) return { visitorId: NO_VISITOR_ID };
  if (!visitor.refreshed && currentName) return { visitorId: visitor.visitorId };
  const setCookie = await sessionCookie({ visitorId: visitor.visitorId, seenAt: visitor.seenAt }, https);
  return { visitorId: visitor.visitorId, setCookie };
}
