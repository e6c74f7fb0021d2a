import { apiRoute } from "@/lib/web/api-route";
import { handleTusRequest } from "@/lib/web/handle-tus-request";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

/** HEAD (offset), PATCH (bytes at the offset) and DELETE (termination) of one of the visitor's uploads. */
const serveUpload = apiRoute<{ id: string }>(handleTusRequest);

export const HEAD = serveUpload;
export const PATCH = serveUpload;
export const DELETE = serveUpload;

/** tus discovery, as on /api/uploads/tus. */
export const OPTIONS = apiRoute<{ id: string }>(async (context) => {
  const response = await handleTusRequest(context);
  response.headers.set("Allow", "HEAD, PATCH, DELETE, OPTIONS");
  return response;
});

export const { GET, POST, PUT } = refuseOtherMethods({ HEAD, PATCH, DELETE, OPTIONS });
