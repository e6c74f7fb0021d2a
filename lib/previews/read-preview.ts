import type { Locale } from "../../i18n/routing";
import { getDb } from "../db";
import { AppError, errorStatus, type ErrorCode } from "../errors";
import { translateError } from "../i18n/translate-error";
import type { PreviewView } from "./preview-view";

/**
 * The visitor's preview as the API shows it, its error in their language. Another visitor's preview, an
 * unknown id and a preview past its hour all answer not_found.
 */
export async function readPreview(options: { visitorId: string; previewId: string; locale: Locale }): Promise<PreviewView> {
  const preview = await getDb().watermarkPreview.findFirst({
    where: { id: options.previewId, visitorId: options.visitorId, expiresAt: { gt: new Date() } },
  });
  if (!preview) throw new AppError("not_found");
  const ready = preview.status === "ready";
  const code: ErrorCode | null = preview.errorCode === null ? null : preview.errorCode in errorStatus ? (preview.errorCode as ErrorCode) : "processing_failed";
  return {
    id: preview.id,
    status: preview.status,
    atSecond: preview.atSecond,
    beforeUrl: ready ? `/api/previews/${preview.id}/before` : null,
    afterUrl: ready ? `/api/previews/${preview.id}/after` : null,
    error: code === null ? null : { code, message: translateError(code, options.locale) },
  };
}
