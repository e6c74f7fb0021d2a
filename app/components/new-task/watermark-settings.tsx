"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { z } from "zod";
import { watermarkMethods, watermarkRegionCount, type TimedRegion, type WatermarkMethod } from "@/lib/tasks/types/watermark-rules";
import { apiFetch } from "../../client/api-fetch";
import { fileViewSchema, isConfidentWatermark, type FileView, type WatermarkView } from "@/lib/files/file-view";
import { usePolling } from "../../client/use-polling";
import { RegionPicker } from "./region-picker";
import { WatermarkPreview } from "./watermark-preview";

/**
 * What the visitor chose: the marks the analysis is confident of (`auto`), or these areas; and how
 * (`method` null: the server picks the best method for each area).
 */
export type WatermarkChoice = { auto: boolean; regions: TimedRegion[]; selected: number; method: WatermarkMethod | null };

export const initialWatermarkChoice: WatermarkChoice = { auto: true, regions: [], selected: 0, method: null };

type Props = { file: FileView; localUrl: string; choice: WatermarkChoice; onChange: (choice: WatermarkChoice) => void; onDetected: (found: WatermarkView[]) => void };

const fileResponse = z.object({ file: fileViewSchema });
const asRegion = ({ x, y, width, height, fromSecond, toSecond }: WatermarkView): TimedRegion => ({ x, y, width, height, fromSecond, toSecond });
const sameBox = (a: TimedRegion, b: TimedRegion) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const AUTOMATIC = "automatic";

/**
 * The watermark settings: what the analysis found as a list to tick (marks it is confident of ticked,
 * possible ones unticked), areas of one's own drawn on the frame, and the method. Until the visitor
 * changes the list, the task asks for "auto" (the confident marks), which also covers an analysis
 * still running.
 */
export function WatermarkSettings({ file, localUrl, choice, onChange, onDetected }: Props) {
  const t = useTranslations("newTask");
  const [detected, setDetected] = useState<WatermarkView[] | null>(file.watermarks);
  const load = useCallback(async () => {
    const found = (await apiFetch(`/api/files/${file.id}`, fileResponse)).file.watermarks;
    setDetected(found);
    if (found) onDetected(found);
  }, [file.id, onDetected]);
  // Uploads are analysed as they arrive; a task's result only when a task asks for "auto" on it.
  const analysing = detected === null && file.origin === "upload";
  usePolling(load, analysing, 1500);
  const found = detected ?? [];
  const confident = found.filter(isConfidentWatermark);
  const auto = choice.auto && (detected === null || confident.length > 0);
  const regions = auto ? confident.map(asRegion) : choice.regions;
  const choose = (next: TimedRegion[], selected: number) => onChange({ ...choice, auto: false, regions: next, selected });
  const drawn = regions.filter((region) => region.width > 0 && region.height > 0);
  const toggle = (mark: WatermarkView, ticked: boolean) => {
    const rest = drawn.filter((region) => !sameBox(region, mark));
    if (!ticked) return choose(rest, 0);
    if (rest.length < watermarkRegionCount.max) choose([...rest, asRegion(mark)], rest.length);
  };
  const status =
    analysing ? t("watermarkAnalysing")
    : detected === null ? t("watermarkWhenRun")
    : confident.length > 0 ? t("watermarkFound", { count: confident.length })
    : found.length > 0 ? t("watermarkOnlyPossible", { count: found.length })
    : t("watermarkNone");

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 text-lg font-semibold">{t("regionTitle")}</legend>
      <p aria-live="polite" data-testid="watermark-status" className={`text-sm ${detected !== null && confident.length === 0 ? "font-medium text-amber-800" : "text-slate-600"}`}>
        {status}
      </p>
      {found.length > 0 && (
        <ul aria-label={t("foundList")} className="flex flex-col gap-1 text-sm">
          {found.map((mark, index) => (
            <li key={index}>
              <label className="flex flex-wrap items-center gap-2">
                <input type="checkbox" data-testid="found-mark" checked={drawn.some((region) => sameBox(region, mark))} onChange={(event) => toggle(mark, event.target.checked)} />
                {t("foundMark", { n: index + 1, x: mark.x, y: mark.y, width: mark.width, height: mark.height })}
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${isConfidentWatermark(mark) ? "bg-sky-100 text-sky-900" : "bg-slate-100 text-slate-700"}`}>
                  {isConfidentWatermark(mark) ? t("markLikely") : t("markPossible")}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">{t("regionHint")}</p>
      <RegionPicker
        file={file}
        localUrl={localUrl}
        regions={regions}
        selected={Math.min(choice.selected, Math.max(0, regions.length - 1))}
        suggestions={found}
        onChange={choose}
        onAccept={(suggestion) => toggle(suggestion, true)}
      />
      <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 sm:max-w-md">
        {t("methodTitle")}
        <select
          name="watermark-method"
          value={choice.method ?? AUTOMATIC}
          onChange={(event) => onChange({ ...choice, method: event.target.value === AUTOMATIC ? null : (event.target.value as WatermarkMethod) })}
          className="w-full min-w-0 rounded-md border border-slate-300 px-2 py-1.5"
        >
          <option value={AUTOMATIC}>{t("method_automatic")}</option>
          {watermarkMethods.map((method) => (
            <option key={method} value={method}>{t(`method_${method}`)}</option>
          ))}
        </select>
      </label>
      <WatermarkPreview fileId={file.id} regions={auto ? (detected ? "auto" : []) : choice.regions} method={choice.method} />
    </fieldset>
  );
}
