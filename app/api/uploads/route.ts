import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { limitVisitorAction } from "@/lib/abuse/rate-limits";
import { storeUploads } from "@/lib/uploads/store-uploads";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  async ({ request, visitorId }) => {
    await limitVisitorAction({ visitorId, action: "upload" }); // before a byte of the body is read
    const body = request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) : null;
    const files = await storeUploads({ visitorId, contentType: request.headers.get("content-type"), body });
    return Response.json({ files }, { status: 201 });
  },
  { createsVisitor: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
