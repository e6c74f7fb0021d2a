import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { createPreview, createPreviewInput } from "@/lib/previews/create-preview";
import { apiRoute } from "@/lib/web/api-route";
import { parseInput, readJsonBody } from "@/lib/web/parse-input";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

/** A preview counts against the visitor's hourly task limit, as a task does. */
export const POST = apiRoute<{ id: string }>(async ({ request, visitorId, params, locale }) => {
  await limitVisitorAction({ visitorId, action: "task" });
  const input = parseInput(createPreviewInput, await readJsonBody(request));
  return Response.json({ preview: await createPreview({ visitorId, fileId: params.id, input, locale }) }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
