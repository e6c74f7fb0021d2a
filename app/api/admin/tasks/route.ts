import { listOperatorTasks, operatorTasksQuery } from "@/lib/tasks/list-operator-tasks";
import { localizeTask } from "@/lib/tasks/localize-task";
import { refuseNonOperator } from "@/lib/web/operator-access";
import { operatorRoute } from "@/lib/web/operator-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { parseInput } from "@/lib/web/parse-input";

export const dynamic = "force-dynamic";

export const GET = operatorRoute(async ({ request, locale }) => {
  const page = await listOperatorTasks(parseInput(operatorTasksQuery, Object.fromEntries(new URL(request.url).searchParams)));
  return Response.json({ ...page, tasks: page.tasks.map((task) => localizeTask(task, locale)) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET }, { gate: refuseNonOperator });
