import { listTaskLogs } from "@/lib/tasks/list-tasks";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ visitorId, params, locale }) =>
  Response.json({ logs: await listTaskLogs({ visitorId, taskId: params.id, locale }) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
