import { readPreview } from "@/lib/previews/read-preview";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) => {
  return Response.json({ preview: await readPreview({ visitorId, previewId: params.id, locale }) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
