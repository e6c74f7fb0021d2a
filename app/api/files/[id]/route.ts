import { deleteFile } from "@/lib/files/delete-file";
import { getFileView } from "@/lib/files/file-view-sql";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ visitorId, params }) => {
  return Response.json({ file: await getFileView({ visitorId, fileId: params.id }) });
});

export const DELETE = apiRoute<Params>(async ({ visitorId, params }) => {
  await deleteFile({ visitorId, fileId: params.id });
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH, OPTIONS } = refuseOtherMethods({ GET, DELETE });
