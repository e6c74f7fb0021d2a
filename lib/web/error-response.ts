import type { Locale } from "../../i18n/routing";
import { AppError } from "../errors";
import { translateError } from "./translate-error";

/** The API's JSON error body for `error` in `locale`; anything that is not an AppError is logged and becomes a 500. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) console.error("Unhandled error in API route:", error);
  const body = {
    error: {
      code: appError.code,
      message: translateError(appError.code, locale),
      ...(appError.field ? { field: appError.field } : {}),
    },
  };
  return Response.json(body, { status: appError.status, headers: { "Cache-Control": "no-store" } });
}
