import { parsePathIds } from "./api-route";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { refuseNonOperator } from "./operator-access";
import { requestLocale } from "./request-locale";
import type { Locale } from "../../i18n/routing";

export type OperatorContext<Params> = { request: Request; params: Params; locale: Locale };

/**
 * Wraps an `/api/admin/*` route handler: only operators get through (`refuseNonOperator`), writes must
 * come from the site's own pages (a browser resends basic auth to any site's form, so the origin check
 * matters here as much as with cookies), malformed path ids answer 404, and errors become the API's
 * JSON error. No visitor is identified or created. Answers are never cached.
 */
export function operatorRoute<Params = Record<string, never>>(handler: (context: OperatorContext<Params>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const locale = requestLocale(request);
    let response: Response;
    try {
      response = refuseNonOperator(request) ?? (assertSameOrigin(request), await handler({ request, params: parsePathIds(await context.params), locale }));
    } catch (error) {
      response = errorResponse(error, locale);
    }
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

