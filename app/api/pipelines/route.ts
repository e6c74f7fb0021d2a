import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { createPipeline } from "@/lib/tasks/create-task";
import { createPipelineInput } from "@/lib/tasks/create-task-input";
import { apiRoute } from "@/lib/web/api-route";
import { localizePipeline } from "@/lib/tasks/localize-task";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  async ({ request, visitorId, locale }) => {
    await limitVisitorAction({ visitorId, action: "task" });
    const input = parseInput(createPipelineInput, await readJsonBody(request));
    return Response.json({ pipeline: localizePipeline(await createPipeline({ visitorId, input, locale }), locale) }, { status: 202 });
  },
  { createsVisitor: true },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
