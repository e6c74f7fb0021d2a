import { openFileBytes } from "@/lib/files/open-file-bytes";
import { apiRoute } from "@/lib/web/api-route";
import { fileResponse } from "@/lib/web/file-response";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

const serveContent = apiRoute<{ id: string }>(async ({ request, visitorId, params }) => {
  const file = await openFileBytes({ visitorId, fileId: params.id, variant: "content" });
  return fileResponse(request, file, "attachment");
});

export const GET = serveContent;
export const HEAD = serveContent;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, HEAD });
