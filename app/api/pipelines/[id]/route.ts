import { getPipeline } from "@/lib/tasks/get-task";
import { apiRoute } from "@/lib/web/api-route";
import { localizePipeline } from "@/lib/tasks/localize-task";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ visitorId, params, locale }) =>
  Response.json({ pipeline: localizePipeline(await getPipeline({ visitorId, pipelineId: params.id }), locale) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
