import { cleanupTasks, cleanupTasksInput } from "@/lib/tasks/delete-task";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, visitorId }) => {
  const { scope } = parseInput(cleanupTasksInput, await readJsonBody(request));
  return Response.json({ deleted: await cleanupTasks({ visitorId, scope }) });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
