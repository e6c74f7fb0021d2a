import { z } from "zod";
import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { redeemTransfer } from "@/lib/transfers/redeem-transfer";
import { apiRoute } from "@/lib/web/api-route";
import { clientAddress } from "@/lib/web/client-address";
import { noStore } from "@/lib/web/no-store";
import { parseInput } from "@/lib/web/parse-input";
import { readJsonBody } from "@/lib/web/read-json-body";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { isHttpsRequest } from "@/lib/web/request-origin";
import { sessionCookie } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const redeemInput = z.object({ code: z.string().max(64) });

// This browser becomes the code's visitor: the answer carries that visitor's cookie instead of its own.
export const POST = apiRoute(async ({ request, visitorId }) => {
  const { code } = parseInput(redeemInput, await readJsonBody(request));
  const target = await redeemTransfer({ code, currentVisitorId: visitorId, clientAddress: clientAddress(request) });
  const response = Response.json({ me: await getVisitorSummary({ visitorId: target }) }, noStore());
  response.headers.append("Set-Cookie", await sessionCookie({ visitorId: target, seenAt: Date.now() }, isHttpsRequest(request)));
  return response;
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
