import type { Locale } from "../../i18n/routing";
import { AppError } from "../errors";
import { isDatabaseUnreachable } from "../database/is-database-unreachable";
import { translateError } from "../i18n/translate-error";

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A database that is restarting or cut off is an outage the client can wait out, not a bug.
  if (isDatabaseUnreachable(error)) {
    console.error("Database unreachable in API route:", error instanceof Error ? error.message : error);
    return new AppError("unavailable");
  }
  console.error("Unhandled error in API route:", error);
  return new AppError("internal");
}

/**
 * The API's JSON error body for `error` in `locale`. A database out of reach becomes 503
 * `unavailable`; anything else that is not an AppError is logged and becomes a 500.
 */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = toAppError(error);
  const retryAfter = appError.details.retryAfterSeconds;
  const params: Record<string, number> = retryAfter === undefined ? {} : { seconds: retryAfter };
  const body = {
    error: {
      code: appError.code,
      message: translateError(appError.code, locale, params, appError.field),
      ...(appError.field ? { field: appError.field } : {}),
    },
  };
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (retryAfter !== undefined) headers.set("Retry-After", String(retryAfter));
  return Response.json(body, { status: appError.status, headers });
}
