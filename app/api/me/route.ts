import { z } from "zod";
import { setEmailNotify } from "@/lib/email/set-email-notify";
import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { forgetVisitor } from "@/lib/retention/forget-visitor";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { isHttpsRequest } from "@/lib/web/request-facts";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { clearedSessionCookies } from "@/lib/web/session";

export const dynamic = "force-dynamic";

// The pages ask who the visitor is first, so this read is the one that makes a first-time visitor.
export const GET = apiRoute(async ({ visitorId }) => Response.json(await getVisitorSummary({ visitorId })), { createsVisitor: true });

const settingsInput = z.object({ emailOnFinish: z.boolean() });

/** The visitor's own settings: for now whether task mails go to their confirmed address (409 conflict without one). */
export const PATCH = apiRoute(async ({ request, visitorId }) => {
  const { emailOnFinish } = parseInput(settingsInput, await readJsonBody(request));
  await setEmailNotify({ visitorId, notify: emailOnFinish });
  return Response.json({ me: await getVisitorSummary({ visitorId }) });
});

/** "Delete all my data": everything of the visitor goes, and so does the cookie; the next request is a new visitor. */
export const DELETE = apiRoute(async ({ request, visitorId }) => {
  await forgetVisitor({ visitorId });
  const response = new Response(null, { status: 204 });
  for (const cookie of clearedSessionCookies(isHttpsRequest(request))) response.headers.append("Set-Cookie", cookie);
  return response;
});

export const { POST, PUT, OPTIONS } = refuseOtherMethods({ GET, PATCH, DELETE });
