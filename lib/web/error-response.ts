import type { Locale } from "../../i18n/routing";
import { AppError } from "../errors";
import { translateError } from "./translate-error";

/** The API's JSON error body for `error` in `locale`; anything that is not an AppError is logged and becomes a 500. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) console.error("Unhandled error in API route:", error);
  const retryAfter = appError.details.retryAfterSeconds;
  const params: Record<string, number> = retryAfter === undefined ? {} : { seconds: retryAfter };
  const body = {
    error: {
      code: appError.code,
      message: translateError(appError.code, locale, params),
      ...(appError.field ? { field: appError.field } : {}),
    },
  };
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (retryAfter !== undefined) headers.set("Retry-After", String(retryAfter));
  return Response.json(body, { status: appError.status, headers });
}
