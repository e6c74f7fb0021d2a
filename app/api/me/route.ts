import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ visitorId }) => Response.json(await getVisitorSummary({ visitorId }), noStore()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
