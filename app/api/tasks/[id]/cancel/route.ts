import { cancelTask } from "@/lib/tasks/cancel-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/tasks/localize-task";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) =>
  Response.json({ task: localizeTask(await cancelTask({ visitorId, taskId: params.id }), locale) }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
