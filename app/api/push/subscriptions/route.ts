import { z } from "zod";
import { addPushSubscription } from "@/lib/push/add-push-subscription";
import { pushSubscriptionInput } from "@/lib/push/push-subscription-input";
import { removePushSubscription } from "@/lib/push/remove-push-subscription";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { requestOrigin } from "@/lib/web/request-facts";

export const dynamic = "force-dynamic";

/** Notifies this device (its browser's PushSubscription) when the visitor's tasks end. */
export const POST = apiRoute(
  async ({ request, visitorId, locale }) => {
    const subscription = parseInput(pushSubscriptionInput, await readJsonBody(request));
    await addPushSubscription({ visitorId, subscription, locale, origin: requestOrigin(request) });
    return new Response(null, { status: 201 });
  },
  { createsVisitor: true },
);

const endpointInput = z.object({ endpoint: z.string().min(1).max(2048) });

export const DELETE = apiRoute(async ({ request, visitorId }) => {
  const { endpoint } = parseInput(endpointInput, await readJsonBody(request));
  await removePushSubscription({ visitorId, endpoint });
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, OPTIONS } = refuseOtherMethods({ POST, DELETE });
