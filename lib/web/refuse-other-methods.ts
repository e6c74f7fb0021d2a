import { AppError } from "../errors";
import { errorResponse } from "./error-response";
import { requestLocale } from "./request-locale";

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type RouteMethod = (typeof ROUTE_METHODS)[number];
/** Next answers HEAD with the GET handler when a route has no HEAD of its own. */
type ImpliedBy<Implemented> = "GET" extends Implemented ? "HEAD" : never;
type OtherMethods<Implemented extends RouteMethod> = Exclude<RouteMethod, Implemented | ImpliedBy<Implemented>>;

/**
 * Handlers for every method a route file does not implement, to export beside its own:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });`
 * Without them Next answers an empty 405 (and an OPTIONS that would list these methods too); with them
 * the client gets the API's error shape and an Allow header derived from the route's own handlers.
 * `gate` answers first when it refuses the request (the operator routes: to anyone else they do not exist).
 */
export function refuseOtherMethods<Implemented extends RouteMethod>(
  implemented: Record<Implemented, unknown>,
  { gate }: { gate?: (request: Request) => Response | null } = {},
): Record<OtherMethods<Implemented>, (request: Request) => Response> {
  const allowed = new Set<RouteMethod>([...(Object.keys(implemented) as RouteMethod[]), "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  const allow = ROUTE_METHODS.filter((method) => allowed.has(method)).join(", ");

  const refuse = (request: Request) => {
    const refused = gate?.(request);
    if (refused) return refused;
    const response = errorResponse(new AppError("method_not_allowed"), requestLocale(request));
    response.headers.set("Allow", allow);
    return response;
  };
  const describe = (request: Request) => gate?.(request) ?? new Response(null, { status: 204, headers: { Allow: allow } });
  const handlers = Object.fromEntries(ROUTE_METHODS.filter((method) => !allowed.has(method)).map((method) => [method, refuse]));
  if (!("OPTIONS" in implemented)) handlers.OPTIONS = describe;
  return handlers as Record<OtherMethods<Implemented>, (request: Request) => Response>;
}
