import { z } from "zod";
import { confirmEmailCode } from "@/lib/email/confirm-email-code";
import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

const confirmInput = z.object({ code: z.string().trim().regex(/^\d{6}$/) });

export const POST = apiRoute(async ({ request, visitorId }) => {
  const { code } = parseInput(confirmInput, await readJsonBody(request));
  await confirmEmailCode({ visitorId, code });
  return Response.json({ me: await getVisitorSummary({ visitorId }) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
