import { createTask } from "@/lib/tasks/create-task";
import { createTaskInput } from "@/lib/tasks/create-task-input";
import { listTasks, listTasksQuery } from "@/lib/tasks/list-tasks";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";
import { parseInput } from "@/lib/web/parse-input";
import { readJsonBody } from "@/lib/web/read-json-body";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, visitorId }) => {
  const query = parseInput(listTasksQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listTasks({ visitorId, query }), noStore());
});

export const POST = apiRoute(async ({ request, visitorId }) => {
  const input = parseInput(createTaskInput, await readJsonBody(request));
  return Response.json({ task: await createTask({ visitorId, input }) }, noStore(202));
});
