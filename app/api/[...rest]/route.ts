import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/web/error-response";
import { requestLocale } from "@/lib/web/request-locale";

export const dynamic = "force-dynamic";

/** Unknown API paths answer with the API's JSON 404 rather than an HTML page. */
function notFound(request: Request): Response {
  return errorResponse(new AppError("not_found"), requestLocale(request));
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
