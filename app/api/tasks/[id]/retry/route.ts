import { retryTask } from "@/lib/tasks/retry-task";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ visitorId, params }) =>
  Response.json({ task: await retryTask({ visitorId, taskId: params.id }) }, noStore(202)),
);
