import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { createTask } from "@/lib/tasks/create-task";
import { createTaskInput } from "@/lib/tasks/create-task-input";
import { listTasks, listTasksQuery } from "@/lib/tasks/list-tasks";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/tasks/localize-task";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, visitorId, locale }) => {
  const query = parseInput(listTasksQuery, Object.fromEntries(new URL(request.url).searchParams));
  const page = await listTasks({ visitorId, query });
  return Response.json({ ...page, tasks: page.tasks.map((task) => localizeTask(task, locale)) });
});

export const POST = apiRoute(
  async ({ request, visitorId, locale }) => {
    await limitVisitorAction({ visitorId, action: "task" });
    const input = parseInput(createTaskInput, await readJsonBody(request));
    return Response.json({ task: localizeTask(await createTask({ visitorId, input, locale }), locale) }, { status: 202 });
  },
  { createsVisitor: true },
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });
