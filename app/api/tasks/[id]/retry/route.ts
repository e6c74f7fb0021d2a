import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { retryTask } from "@/lib/tasks/retry-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/tasks/localize-task";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) => {
  await limitVisitorAction({ visitorId, action: "task" });
  return Response.json({ task: localizeTask(await retryTask({ visitorId, taskId: params.id }), locale) }, { status: 202 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
