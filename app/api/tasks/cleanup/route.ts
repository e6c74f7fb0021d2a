import { cleanupTasks, cleanupTasksInput } from "@/lib/tasks/cleanup-tasks";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";
import { parseInput } from "@/lib/web/parse-input";
import { readJsonBody } from "@/lib/web/read-json-body";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, visitorId }) => {
  const { scope } = parseInput(cleanupTasksInput, await readJsonBody(request));
  return Response.json({ deleted: await cleanupTasks({ visitorId, scope }) }, noStore());
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
