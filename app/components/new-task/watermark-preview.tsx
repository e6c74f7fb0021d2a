/* eslint-disable @next/next/no-img-element -- private files need the visitor's cookie, which the image optimizer would not send */
"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { previewViewSchema, type PreviewView } from "@/lib/previews/preview-view";
import type { TimedRegion, WatermarkMethod } from "@/lib/tasks/types/watermark-rules";
import { ApiError, apiFetch } from "../../client/api-fetch";
import { usePolling } from "../../client/use-polling";

const previewResponse = z.object({ preview: previewViewSchema });

/** A drag changes the areas many times a second: a preview is asked for once they have rested this long. */
const SETTLE_MS = 700;

/** `method` null: the server's choice, as the task would make it. */
type Props = { fileId: string; regions: TimedRegion[] | "auto"; method: WatermarkMethod | null };

/**
 * One frame before and after removal with the chosen areas and method, side by side (stacked on narrow
 * screens), asked for again whenever they change. The last preview stays shown while the next one is made.
 */
export function WatermarkPreview({ fileId, regions, method }: Props) {
  const t = useTranslations("watermarkPreview");
  const drawn = regions === "auto" ? regions : regions.filter((region) => region.width > 0 && region.height > 0);
  const request = drawn.length === 0 ? null : JSON.stringify({ regions: drawn, ...(method === null ? {} : { method }) });
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [shown, setShown] = useState<PreviewView | null>(null);
  const [asking, setAsking] = useState<{ request: string; error: string | null } | null>(null);

  useEffect(() => {
    if (request === null) return;
    let stale = false;
    const timer = setTimeout(async () => {
      setAsking({ request, error: null });
      try {
        const answer = await apiFetch(`/api/files/${fileId}/previews`, previewResponse, { method: "POST", json: JSON.parse(request) });
        if (!stale) setPreview(answer.preview);
      } catch (error) {
        if (!stale) setAsking({ request, error: error instanceof ApiError ? error.message : t("failed") });
      }
    }, SETTLE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [fileId, request, t]);

  const previewId = preview?.id;
  const load = useCallback(async () => {
    if (!previewId) return;
    const latest = (await apiFetch(`/api/previews/${previewId}`, previewResponse)).preview;
    setPreview((current) => (current?.id === latest.id ? latest : current));
    if (latest.status === "ready") setShown(latest);
  }, [previewId]);
  usePolling(load, preview?.status === "pending", 500);

  if (request === null) return null;
  const error = asking?.request === request ? asking.error : null;
  const status = error ?? (preview?.status === "failed" ? preview.error?.message : preview?.status === "ready" ? t("ready", { second: preview.atSecond.toFixed(1) }) : t("pending"));
  return (
    <section aria-labelledby="watermark-preview-title" className="flex flex-col gap-2" data-testid="watermark-preview">
      <h3 id="watermark-preview-title" className="text-sm font-semibold text-slate-700">{t("title")}</h3>
      <p aria-live="polite" data-testid="watermark-preview-status" className={`text-sm ${error || preview?.status === "failed" ? "font-medium text-red-700" : "text-slate-600"}`}>
        {status}
      </p>
      {shown && (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {(["before", "after"] as const).map((side) => (
            <figure key={side} className="flex flex-col gap-1">
              <img src={side === "before" ? shown.beforeUrl! : shown.afterUrl!} alt={t(side)} className="w-full rounded-md border border-slate-200" />
              <figcaption className="text-xs text-slate-600">{t(side)}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
