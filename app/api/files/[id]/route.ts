import { deleteFile } from "@/lib/files/delete-file";
import { getFile } from "@/lib/files/get-file";
import { presentFile } from "@/lib/files/present-file";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ visitorId, params }) => {
  const file = await getFile({ visitorId, fileId: params.id });
  return Response.json({ file: presentFile(file) }, noStore());
});

export const DELETE = apiRoute<Params>(async ({ visitorId, params }) => {
  await deleteFile({ visitorId, fileId: params.id });
  return new Response(null, noStore(204));
});

export const { POST, PUT, PATCH, OPTIONS } = refuseOtherMethods({ GET, DELETE });
