"use client";

import { useTranslations } from "next-intl";
import { thumbnailWidth } from "@/lib/tasks/types/thumbnail-rules";

type Props = { width: number; atSecond: number; maxSecond: number | null; onChange: (change: { width?: number; atSecond?: number }) => void };

/** Width of the thumbnail and, for a video, the moment to take it from. */
export function ThumbnailSettings({ width, atSecond, maxSecond, onChange }: Props) {
  const t = useTranslations("newTask");
  const input = "rounded-md border border-slate-300 px-2 py-1.5 tabular-nums";
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-lg font-semibold">{t("thumbnailTitle")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("thumbnailWidth")}
          <input type="number" name="width" min={thumbnailWidth.min} max={thumbnailWidth.max} value={width} onChange={(event) => onChange({ width: Number(event.target.value) })} className={input} />
        </label>
        {maxSecond !== null && (
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {t("thumbnailSecond")}
            <input type="number" name="atSecond" min={0} max={maxSecond} step={0.1} value={atSecond} onChange={(event) => onChange({ atSecond: Number(event.target.value) })} className={input} />
          </label>
        )}
      </div>
    </fieldset>
  );
}
