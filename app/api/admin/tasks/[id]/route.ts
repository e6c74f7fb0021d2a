import { localizeTask } from "@/lib/tasks/localize-task";
import { setTaskPriority, taskPriorityInput } from "@/lib/tasks/set-task-priority";
import { refuseNonOperator } from "@/lib/web/operator-access";
import { operatorRoute } from "@/lib/web/operator-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";

export const dynamic = "force-dynamic";

export const PATCH = operatorRoute<{ id: string }>(async ({ request, params, locale }) => {
  const { priority } = parseInput(taskPriorityInput, await readJsonBody(request));
  return Response.json({ task: localizeTask(await setTaskPriority({ taskId: params.id, priority }), locale) });
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = refuseOtherMethods({ PATCH }, { gate: refuseNonOperator });
