import type { Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import { getConfig } from "../config";
import type { ErrorCode } from "../errors";
import { formatBytes } from "../format/format-bytes";
import { MAX_PUSH_SUBSCRIPTIONS } from "../push/push-subscription-input";
import { serverTranslator } from "./server-translator";

type Params = Record<string, string | number>;

function limitParams(code: ErrorCode, locale: Locale): Params {
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
    case "too_many_subscriptions":
      return { count: MAX_PUSH_SUBSCRIPTIONS };
    case "media_limits":
      return {
        maxHours: Math.round((limits.maxVideoSeconds / 3600) * 10) / 10,
        maxVideoMegapixels: Math.round(limits.maxVideoPixels / 100_000) / 10,
        maxImageMegapixels: Math.round(limits.maxImagePixels / 100_000) / 10,
      };
    default:
      return {};
  }
}

type InvalidField = keyof typeof en.invalidFields;

const isInvalidField = (field: string | undefined): field is InvalidField => field !== undefined && field in en.invalidFields;

/**
 * The visitor-facing message of an error code in `locale`, with the configured limits filled in. A
 * refused field that needs more than "not valid" to be put right has its own message (invalidFields).
 */
export function translateError(code: ErrorCode, locale: Locale, params: Params = {}, field?: string): string {
  const t = serverTranslator(locale);
  if (code === "invalid_params" && isInvalidField(field)) return t(`invalidFields.${field}`);
  return t(`errors.${code}`, { ...limitParams(code, locale), ...params });
}
