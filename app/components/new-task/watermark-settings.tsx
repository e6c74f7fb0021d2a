"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { z } from "zod";
import { watermarkMethods, watermarkRegionCount, type TimedRegion, type WatermarkMethod } from "@/lib/tasks/types/watermark-rules";
import { apiFetch } from "../../client/api-fetch";
import { fileViewSchema, type FileView, type WatermarkView } from "@/lib/files/file-view";
import { usePolling } from "../../client/use-polling";
import { RegionPicker } from "./region-picker";

/** What the visitor chose: remove every detected mark (`auto`), or these areas; and how. */
export type WatermarkChoice = { auto: boolean; regions: TimedRegion[]; selected: number; method: WatermarkMethod };

export const initialWatermarkChoice: WatermarkChoice = { auto: true, regions: [], selected: 0, method: "delogo" };

type Props = { file: FileView; localUrl: string; choice: WatermarkChoice; onChange: (choice: WatermarkChoice) => void; onDetected: (found: WatermarkView[]) => void };

const fileResponse = z.object({ file: fileViewSchema });
const asRegion = ({ x, y, width, height, fromSecond, toSecond }: WatermarkView): TimedRegion => ({ x, y, width, height, fromSecond, toSecond });

/**
 * The watermark settings: the analysis's suggestions on the frame (accept one or all), "remove all
 * detected" as the default when some were found, areas of one's own, and the method.
 */
export function WatermarkSettings({ file, localUrl, choice, onChange, onDetected }: Props) {
  const t = useTranslations("newTask");
  const [detected, setDetected] = useState<WatermarkView[] | null>(file.watermarks);
  const load = useCallback(async () => {
    const found = (await apiFetch(`/api/files/${file.id}`, fileResponse)).file.watermarks;
    setDetected(found);
    if (found) onDetected(found);
  }, [file.id, onDetected]);
  usePolling(load, detected === null, 1500);
  const found = detected ?? [];
  const auto = choice.auto && detected?.length !== 0;
  const choose = (regions: TimedRegion[], selected: number) => onChange({ ...choice, auto: false, regions, selected });

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-lg font-semibold">{t("regionTitle")}</legend>
      <p aria-live="polite" data-testid="watermark-status" className={`text-sm ${detected?.length === 0 ? "font-medium text-amber-800" : "text-slate-600"}`}>
        {detected === null ? t("watermarkAnalysing") : found.length === 0 ? t("watermarkNone") : t("watermarkFound", { count: found.length })}
      </p>
      <div className="flex flex-col gap-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="watermark-mode" checked={auto} disabled={detected?.length === 0} onChange={() => onChange({ ...choice, auto: true })} />
          {t("removeAllDetected")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="watermark-mode" checked={!auto} onChange={() => onChange({ ...choice, auto: false })} />
          {t("chooseMyself")}
        </label>
      </div>
      {found.length > 0 && (
        <button type="button" onClick={() => choose(found.slice(0, watermarkRegionCount.max).map(asRegion), 0)} className="self-start rounded-md border border-sky-500 px-3 py-1 text-sm font-medium text-sky-800 hover:bg-sky-50">
          {t("useAllSuggestions")}
        </button>
      )}
      <p className="text-sm text-slate-600">{t("regionHint")}</p>
      <RegionPicker
        file={file}
        localUrl={localUrl}
        regions={auto ? [] : choice.regions}
        selected={choice.selected}
        suggestions={found}
        onChange={choose}
        onAccept={(suggestion) => {
          const regions = (auto ? [] : choice.regions).filter((region) => region.width > 0 && region.height > 0);
          if (regions.length < watermarkRegionCount.max) choose([...regions, asRegion(suggestion)], regions.length);
        }}
      />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 sm:max-w-sm">
        {t("methodTitle")}
        <select name="watermark-method" value={choice.method} onChange={(event) => onChange({ ...choice, method: event.target.value as WatermarkMethod })} className="rounded-md border border-slate-300 px-2 py-1.5">
          {watermarkMethods.map((method) => (
            <option key={method} value={method}>{t(`method_${method}`)}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
