import { localizeTask } from "@/lib/tasks/localize-task";
import { operateTask } from "@/lib/tasks/operate-task";
import { refuseNonOperator } from "@/lib/web/operator-access";
import { operatorRoute } from "@/lib/web/operator-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = operatorRoute<{ id: string }>(async ({ params, locale }) =>
  Response.json({ task: localizeTask(await operateTask({ taskId: params.id, action: "retry" }), locale) }, { status: 202 }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST }, { gate: refuseNonOperator });
