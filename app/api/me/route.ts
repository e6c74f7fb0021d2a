import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

// The pages ask who the visitor is first, so this read is the one that makes a first-time visitor.
export const GET = apiRoute(async ({ visitorId }) => Response.json(await getVisitorSummary({ visitorId })), { createsVisitor: true });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
