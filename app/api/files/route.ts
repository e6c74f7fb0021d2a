import { listFiles, listFilesQuery } from "@/lib/files/list-files";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, visitorId }) => {
  const query = parseInput(listFilesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listFiles({ visitorId, query }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
