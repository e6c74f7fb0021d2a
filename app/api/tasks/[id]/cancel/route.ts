import { cancelTask } from "@/lib/tasks/cancel-task";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params }) =>
  Response.json({ task: await cancelTask({ visitorId, taskId: params.id }) }, noStore()),
);
