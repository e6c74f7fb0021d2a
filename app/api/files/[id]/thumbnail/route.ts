import { openFileBytes } from "@/lib/files/open-file-bytes";
import { apiRoute } from "@/lib/web/api-route";
import { fileResponse } from "@/lib/web/file-response";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, visitorId, params }) => {
  const thumbnail = await openFileBytes({ visitorId, fileId: params.id, variant: "thumbnail" });
  return fileResponse(request, thumbnail, "inline");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
