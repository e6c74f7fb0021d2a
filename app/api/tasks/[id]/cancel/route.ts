import { cancelTask } from "@/lib/tasks/cancel-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/web/localize-task";
import { noStore } from "@/lib/web/no-store";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) =>
  Response.json({ task: localizeTask(await cancelTask({ visitorId, taskId: params.id }), locale) }, noStore()),
);
