import { listOperatorTasks, operatorTasksQuery } from "@/lib/tasks/list-operator-tasks";
import { localizeTask } from "@/lib/tasks/localize-task";
import { operatorRoute } from "@/lib/web/operator-route";
import { parseInput } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = operatorRoute(async ({ request, locale }) => {
  const page = await listOperatorTasks(parseInput(operatorTasksQuery, Object.fromEntries(new URL(request.url).searchParams)));
  return Response.json({ ...page, tasks: page.tasks.map((task) => localizeTask(task, locale)) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
