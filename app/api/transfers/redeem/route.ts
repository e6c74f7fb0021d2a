import { z } from "zod";
import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { redeemTransfer } from "@/lib/transfers/redeem-transfer";
import { apiRoute } from "@/lib/web/api-route";
import { clientAddress, isHttpsRequest } from "@/lib/web/request-facts";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { sessionCookie } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const redeemInput = z.object({ code: z.string().max(64) });

// This browser becomes the code's visitor: the answer carries that visitor's cookie instead of its own.
export const POST = apiRoute(async ({ request, visitorId }) => {
  const { code } = parseInput(redeemInput, await readJsonBody(request));
  const target = await redeemTransfer({ code, currentVisitorId: visitorId, clientAddress: clientAddress(request) });
  const response = Response.json({ me: await getVisitorSummary({ visitorId: target }) });
  response.headers.append("Set-Cookie", await sessionCookie({ visitorId: target, seenAt: Date.now() }, isHttpsRequest(request)));
  return response;
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
