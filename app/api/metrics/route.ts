import { AppError } from "@/lib/errors";
import { isMetricsToken } from "@/lib/metrics/is-metrics-token";
import { readCachedMetrics } from "@/lib/metrics/read-cached-metrics";
import { errorResponse } from "@/lib/web/error-response";
import { requestLocale } from "@/lib/web/request-locale";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

// No visitor cookie here: a scraper is not a visitor. A missing or wrong token answers like an
// unconfigured endpoint (404), so the endpoint's existence is not revealed.
export async function GET(request: Request) {
  try {
    if (!isMetricsToken(request.headers.get("authorization"))) throw new AppError("not_found");
    const { contentType, body } = await readCachedMetrics();
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, requestLocale(request));
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
