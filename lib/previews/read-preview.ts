import type { Locale } from "../../i18n/routing";
import { getDb } from "../db";
import { AppError, errorStatus, type ErrorCode } from "../errors";
import { translateError } from "../i18n/translate-error";
import type { PreviewView } from "./preview-view";

/**
 * A preview still pending this long after it was asked for is not coming: its job ran out of attempts
 * or of time (each attempt expires after a minute) without recording why.
 */
const ABANDONED_AFTER_MS = 3 * 60_000;

/**
 * The visitor's preview as the API shows it, its error in their language; an abandoned one shows as
 * failed, so that a page waiting for it stops. Another visitor's preview, an unknown id and a preview
 * past its hour all answer not_found.
 */
export async function readPreview(options: { visitorId: string; previewId: string; locale: Locale }): Promise<PreviewView> {
  const preview = await getDb().watermarkPreview.findFirst({
    where: { id: options.previewId, visitorId: options.visitorId, expiresAt: { gt: new Date() } },
  });
  if (!preview) throw new AppError("not_found");
  const ready = preview.status === "ready";
  const abandoned = preview.status === "pending" && Date.now() - preview.createdAt.getTime() > ABANDONED_AFTER_MS;
  const recorded = preview.errorCode ?? (abandoned ? "processing_failed" : null);
  const code: ErrorCode | null = recorded === null ? null : recorded in errorStatus ? (recorded as ErrorCode) : "processing_failed";
  return {
    id: preview.id,
    status: abandoned ? "failed" : preview.status,
    atSecond: preview.atSecond,
    beforeUrl: ready ? `/api/previews/${preview.id}/before` : null,
    afterUrl: ready ? `/api/previews/${preview.id}/after` : null,
    error: code === null ? null : { code, message: translateError(code, options.locale) },
  };
}
