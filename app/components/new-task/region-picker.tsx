"use client";

import { useTranslations } from "next-intl";
import { useRef, type PointerEvent } from "react";
import { regionSchema, watermarkRegionCount, type Region } from "@/lib/tasks/types/watermark-rules";
import type { FileView, WatermarkView } from "@/lib/files/file-view";
import { RegionFrame, regionBoxStyle } from "../region-frame";

type Props = {
  file: FileView;
  localUrl: string;
  /** The areas to remove; `selected` is the one the drag and the number fields edit. */
  regions: Region[];
  selected: number;
  onChange: (regions: Region[], selected: number) => void;
  /** Detected watermarks drawn as suggestions: clicking one adds it. */
  suggestions: WatermarkView[];
  onAccept: (suggestion: WatermarkView) => void;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const sameBox = (a: Region, b: Region) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * Draw watermark areas by dragging on a frame of the video (a new drag adds an area, up to the
 * limit), or type the selected one's numbers; both stay in sync, in source pixels.
 */
export function RegionPicker({ file, localUrl, regions, selected, onChange, suggestions, onAccept }: Props) {
  const t = useTranslations("newTask");
  const start = useRef<{ x: number; y: number; index: number } | null>(null);
  const current = regions[selected] ?? { x: 0, y: 0, width: 0, height: 0 };

  const toSource = (event: PointerEvent) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: Math.round(clamp((event.clientX - box.left) / box.width, 0, 1) * file.width),
      y: Math.round(clamp((event.clientY - box.top) / box.height, 0, 1) * file.height),
    };
  };
  const replace = (index: number, region: Region) => onChange(regions.map((old, n) => (n === index ? region : old)).concat(index >= regions.length ? [region] : []), index);
  const drawTo = (point: { x: number; y: number }) => {
    if (!start.current) return;
    const { x: x0, y: y0, index } = start.current;
    replace(index, { x: Math.min(x0, point.x), y: Math.min(y0, point.y), width: Math.abs(point.x - x0), height: Math.abs(point.y - y0) });
  };
  const overlay = {
    onPointerDown: (event: PointerEvent) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      const drawn = regions.filter((region) => region.width > 0 && region.height > 0).length;
      // A new drag adds an area while there is room; at the limit it redraws the selected one.
      const index = drawn < watermarkRegionCount.max ? drawn : selected;
      start.current = { ...toSource(event), index };
    },
    onPointerMove: (event: PointerEvent) => drawTo(toSource(event)),
    onPointerUp: (event: PointerEvent) => {
      drawTo(toSource(event));
      start.current = null;
    },
  };

  const fields = [
    { key: "x", label: t("regionX"), max: file.width - 1 },
    { key: "y", label: t("regionY"), max: file.height - 1 },
    { key: "width", label: t("regionWidth"), max: file.width - current.x },
    { key: "height", label: t("regionHeight"), max: file.height - current.y },
  ] as const;
  const box = (region: Region) => regionBoxStyle(region, file.width, file.height);

  return (
    <div className="flex flex-col gap-3">
      <RegionFrame width={file.width} height={file.height} image={file.thumbnailUrl} video={localUrl} region={regions[selected] ?? null} label={t("regionCanvas")} overlay={overlay}>
        {regions.map((region, index) =>
          index === selected ? null : <div key={`chosen-${index}`} data-testid="chosen-box" className="pointer-events-none absolute border-2 border-amber-400" style={box(region)} />,
        )}
        {suggestions
          .filter((suggestion) => !regions.some((region) => sameBox(region, suggestion)))
          .map((suggestion, index) => (
            <button
              key={`suggested-${index}`}
              type="button"
              data-testid="suggested-box"
              title={t("useSuggestion", { n: index + 1 })}
              aria-label={t("useSuggestion", { n: index + 1 })}
              onClick={() => onAccept(suggestion)}
              className="absolute border-2 border-dashed border-sky-400 bg-sky-300/20 hover:bg-sky-300/40"
              style={box(suggestion)}
            />
          ))}
      </RegionFrame>
      {regions.length > 1 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("regionList", { count: regions.length, max: watermarkRegionCount.max })}>
          {regions.map((_, index) => (
            <span key={index} className={`flex items-center gap-1 rounded-md border px-2 py-1 text-sm ${index === selected ? "border-amber-500 bg-amber-50" : "border-slate-300"}`}>
              <button type="button" onClick={() => onChange(regions, index)}>{t("selectRegion", { n: index + 1 })}</button>
              <button type="button" aria-label={t("removeRegion", { n: index + 1 })} onClick={() => onChange(regions.filter((__, n) => n !== index), 0)} className="text-slate-500 hover:text-red-700">×</button>
            </span>
          ))}
        </div>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {fields.map((field) => (
          <label key={field.key} className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            {field.label}
            <input
              type="number"
              inputMode="numeric"
              name={`region-${field.key}`}
              min={regionSchema.shape[field.key].minValue ?? 0}
              max={field.max}
              value={current[field.key]}
              onChange={(event) => replace(selected, { ...current, [field.key]: clamp(Math.round(Number(event.target.value) || 0), 0, field.max) })}
              className="rounded-md border border-slate-300 px-2 py-1.5 tabular-nums"
            />
          </label>
        ))}
      </div>
    </div>
  );
}
