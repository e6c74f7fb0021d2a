import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { presentFile } from "@/lib/files/present-file";
import { storeUploads } from "@/lib/files/store-uploads";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, visitorId }) => {
  const body = request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) : null;
  const files = await storeUploads({ visitorId, contentType: request.headers.get("content-type"), body });
  return Response.json({ files: files.map(presentFile) }, noStore(201));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
