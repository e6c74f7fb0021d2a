import { z } from "zod";
import { removeEmail } from "@/lib/email/remove-email";
import { requestEmailCode } from "@/lib/email/request-email-code";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { requestOrigin } from "@/lib/web/request-facts";

export const dynamic = "force-dynamic";

const emailInput = z.object({ email: z.string().trim().max(254).pipe(z.email()) });

/** Sets the address for task mails and mails it a code; the address counts only once confirmed. */
export const PUT = apiRoute(
  async ({ request, visitorId, locale }) => {
    const { email } = parseInput(emailInput, await readJsonBody(request));
    await requestEmailCode({ visitorId, address: email, locale, origin: requestOrigin(request) });
    return new Response(null, { status: 202 });
  },
  { createsVisitor: true },
);

export const DELETE = apiRoute(async ({ visitorId }) => {
  await removeEmail({ visitorId });
  return new Response(null, { status: 204 });
});

export const { GET, POST, PATCH, OPTIONS } = refuseOtherMethods({ PUT, DELETE });
