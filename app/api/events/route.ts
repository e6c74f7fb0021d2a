import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { taskEventStream } from "@/lib/web/task-event-stream";

export const dynamic = "force-dynamic";

// A visitor without a cookie gets a stream that never carries a task (they have none).
export const GET = apiRoute(async ({ request, visitorId, locale }) =>
  new Response(taskEventStream({ visitorId, locale, signal: request.signal }), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
