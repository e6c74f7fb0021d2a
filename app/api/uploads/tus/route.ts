import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { apiRoute } from "@/lib/web/api-route";
import { handleTusRequest } from "@/lib/web/handle-tus-request";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

/** tus 1.0.0 creation (and creation-with-upload): a new resumable upload of the cookie's visitor. */
export const POST = apiRoute(
  async ({ request, visitorId, locale }) => {
    await limitVisitorAction({ visitorId, action: "upload" }); // before a byte of the body is read
    return handleTusRequest({ request, visitorId, locale });
  },
  { createsVisitor: true },
);

/** tus discovery: the protocol version, extensions and largest upload. */
export const OPTIONS = apiRoute(async (context) => {
  const response = await handleTusRequest(context);
  response.headers.set("Allow", "POST, OPTIONS");
  return response;
});

export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods({ POST, OPTIONS });
