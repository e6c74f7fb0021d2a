import { createTranslator } from "next-intl";
import type { Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { getConfig } from "../config";
import { AppError, type ErrorCode } from "../errors";
import { formatBytes } from "../format/format-bytes";

const messages = { en, zh };

function messageParams(code: ErrorCode, locale: Locale): Record<string, string | number> {
  const limits = getConfig().limits;
  switch (code) {
    case "file_too_large":
      return { maxSize: formatBytes(limits.maxUploadBytes, locale) };
    case "storage_quota_exceeded":
      return { maxSize: formatBytes(limits.maxStoredBytesPerVisitor, locale) };
    case "too_many_files":
      return { count: limits.maxFilesPerUpload };
    case "too_many_tasks":
      return { count: limits.maxActiveTasks };
    default:
      return {};
  }
}

/** The API's JSON error body for `error` in `locale`; anything that is not an AppError is logged and becomes a 500. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = error instanceof AppError ? error : new AppError("internal");
  if (!(error instanceof AppError)) console.error("Unhandled error in API route:", error);
  const translate = createTranslator({ locale, messages: messages[locale], namespace: "errors" });
  const body = {
    error: {
      code: appError.code,
      message: translate(appError.code, messageParams(appError.code, locale)),
      ...(appError.field ? { field: appError.field } : {}),
    },
  };
  return Response.json(body, { status: appError.status, headers: { "Cache-Control": "no-store" } });
}
