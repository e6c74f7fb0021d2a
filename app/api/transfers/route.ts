import { createTransfer } from "@/lib/transfers/create-transfer";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";
import { requestOrigin } from "@/lib/web/request-facts";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  async ({ request, visitorId, locale }) => {
    const { code, expiresAt } = await createTransfer({ visitorId });
    const url = `${requestOrigin(request)}/${locale}/link/${code}`;
    return Response.json({ code, url, expiresAt: expiresAt.toISOString() }, { status: 201 });
  },
  { createsVisitor: true },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
