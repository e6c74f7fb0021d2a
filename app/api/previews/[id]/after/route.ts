import { openPreviewImage } from "@/lib/previews/open-preview-image";
import { apiRoute } from "@/lib/web/api-route";
import { fileResponse } from "@/lib/web/file-response";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, visitorId, params }) => {
  return fileResponse(request, await openPreviewImage({ visitorId, previewId: params.id, side: "after" }), "inline");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
