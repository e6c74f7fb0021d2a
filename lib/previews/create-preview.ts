import { z } from "zod";
import type { Locale } from "../../i18n/routing";
import { getDb } from "../db";
import { AppError } from "../errors";
import { sendJob } from "../queue/send-job";
import { settleWatermarkParams, watermarkRequestSchema } from "../tasks/types/watermark-rules";
import { PREVIEW_LIFETIME_MS, type PreviewView } from "./preview-view";
import { readPreview } from "./read-preview";

/** The body of POST /api/files/:id/previews: a watermark task's params, and the moment to show. */
export const createPreviewInput = z.intersection(watermarkRequestSchema, z.object({ atSecond: z.number().min(0).optional() }));
export type CreatePreviewInput = z.infer<typeof createPreviewInput>;

/**
 * Asks the worker for a preview of removing watermarks from the visitor's video at `atSecond` (the
 * middle when absent): the params are settled exactly as a watermark task's are, so the preview shows
 * what that task would do. The row and its job are written in one transaction. Another visitor's file
 * is not_found, an image or a moment outside the video invalid_params.
 */
export async function createPreview(options: { visitorId: string; fileId: string; input: CreatePreviewInput; locale: Locale }): Promise<PreviewView> {
  const { visitorId, fileId } = options;
  const { atSecond: requestedSecond, ...requested } = options.input;
  const previewId = await getDb().$transaction(async (tx) => {
    const file = await tx.file.findFirst({ where: { id: fileId, visitorId } });
    if (!file) throw new AppError("not_found");
    if (file.expiredAt) throw new AppError("expired");
    if (file.kind !== "video") throw new AppError("invalid_params", "fileId");
    const durationSec = file.durationSec ?? 0;
    const atSecond = requestedSecond ?? durationSec / 2;
    if (atSecond >= durationSec) throw new AppError("invalid_params", "atSecond");
    const settled = settleWatermarkParams(requested, file);
    // The task's fields are named under `params`; here the params are the body itself.
    if ("invalidField" in settled) throw new AppError("invalid_params", settled.invalidField.replace(/^params\./, ""));
    if ("refusal" in settled) throw new AppError(settled.refusal, "regions");
    const preview = await tx.watermarkPreview.create({
      data: { visitorId, fileId, params: settled.params, atSecond, expiresAt: new Date(Date.now() + PREVIEW_LIFETIME_MS) },
      select: { id: true },
    });
    await sendJob("watermarkPreview", { previewId: preview.id }, { tx });
    return preview.id;
  });
  return readPreview({ visitorId, previewId, locale: options.locale });
}
