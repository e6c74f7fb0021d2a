import { limitVisitorAction } from "@/lib/abuse/limit-visitor-action";
import { retryTask } from "@/lib/tasks/retry-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/tasks/localize-task";
import { noStore } from "@/lib/web/no-store";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) => {
  await limitVisitorAction({ visitorId, action: "task" });
  return Response.json({ task: localizeTask(await retryTask({ visitorId, taskId: params.id }), locale) }, noStore(202));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
