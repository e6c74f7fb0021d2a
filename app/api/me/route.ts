import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { forgetVisitor } from "@/lib/retention/forget-visitor";
import { apiRoute } from "@/lib/web/api-route";
import { isHttpsRequest } from "@/lib/web/request-facts";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { clearedSessionCookies } from "@/lib/web/session";

export const dynamic = "force-dynamic";

// The pages ask who the visitor is first, so this read is the one that makes a first-time visitor.
export const GET = apiRoute(async ({ visitorId }) => Response.json(await getVisitorSummary({ visitorId })), { createsVisitor: true });

/** "Delete all my data": everything of the visitor goes, and so does the cookie; the next request is a new visitor. */
export const DELETE = apiRoute(async ({ request, visitorId }) => {
  await forgetVisitor({ visitorId });
  const response = new Response(null, { status: 204 });
  for (const cookie of clearedSessionCookies(isHttpsRequest(request))) response.headers.append("Set-Cookie", cookie);
  return response;
});

export const { POST, PUT, PATCH, OPTIONS } = refuseOtherMethods({ GET, DELETE });
