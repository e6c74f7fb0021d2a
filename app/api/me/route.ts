import { getVisitorSummary } from "@/lib/identity/get-visitor-summary";
import { apiRoute } from "@/lib/web/api-route";
import { noStore } from "@/lib/web/no-store";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ visitorId }) => Response.json(await getVisitorSummary({ visitorId }), noStore()));
