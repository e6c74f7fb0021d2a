import { deleteTask } from "@/lib/tasks/delete-task";
import { getTask } from "@/lib/tasks/get-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizeTask } from "@/lib/tasks/localize-task";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ visitorId, params, locale }) =>
  Response.json({ task: localizeTask(await getTask({ visitorId, taskId: params.id }), locale) }),
);

export const DELETE = apiRoute<Params>(async ({ visitorId, params }) => {
  await deleteTask({ visitorId, taskId: params.id });
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH, OPTIONS } = refuseOtherMethods({ GET, DELETE });
