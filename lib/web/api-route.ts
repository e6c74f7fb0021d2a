import { AppError } from "../errors";
import { isRecordId } from "../record-id";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { identifyVisitor, type RequestVisitor } from "./identify-visitor";
import type { Locale } from "../../i18n/routing";
import { requestLocale } from "./request-locale";

export type ApiContext<Params> = { request: Request; visitorId: string; params: Params; locale: Locale };

type RouteContext<Params> = { params: Promise<Params> };

export type ApiRouteOptions = {
  /**
   * The route needs a visitor row (it stores something for them, or reports who they are): a request
   * without a valid cookie gets a new visitor, within the per-address limit. Other routes answer such a
   * request as an empty visitor and create nothing, so crawlers and 404 probes leave no rows behind.
   */
  createsVisitor?: boolean;
};

/**
 * Checks a route's path parameters, which in this API are all record ids. A malformed one (NUL bytes,
 * 10 KB strings, unicode) answers 404 like an unknown id, before it reaches the database.
 */
export function parsePathIds<Params>(params: Params): Params {
  for (const value of Object.values(params ?? {})) {
    if (!isRecordId(value)) throw new AppError("not_found");
  }
  return params;
}

/**
 * Wraps a route handler: refuses cross-site writes, answers 404 for malformed path ids, identifies the
 * visitor (issuing or refreshing the cookie), turns any thrown error into the API's JSON error in the
 * request's language, and marks answers no-store unless the handler set their caching.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: (context: ApiContext<Params>) => Promise<Response>,
  { createsVisitor = false }: ApiRouteOptions = {},
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    let visitor: RequestVisitor | undefined;
    let response: Response;
    try {
      assertSameOrigin(request);
      const params = parsePathIds(await context.params);
      visitor = await identifyVisitor(request, { create: createsVisitor });
      response = await handler({ request, visitorId: visitor.visitorId, params, locale: requestLocale(request) });
    } catch (error) {
      response = errorResponse(error, requestLocale(request));
    }
    // Answers depend on the visitor's cookie: never cached, unless the handler says otherwise (downloads do).
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
    // A handler that issued a session itself (redeeming a transfer code) has the last word.
    if (visitor?.setCookie && !response.headers.has("Set-Cookie")) response.headers.append("Set-Cookie", visitor.setCookie);
    return response;
  };
}
