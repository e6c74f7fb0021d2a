"use client";

import { useTranslations } from "next-intl";
import { useRef, type PointerEvent } from "react";
import { regionSchema, type Region } from "@/lib/tasks/task-params";
import type { FileView } from "../../client/types";
import { RegionFrame } from "../region-frame";

type Props = { file: FileView; localUrl: string; region: Region | null; onChange: (region: Region) => void };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Draw the watermark area by dragging on a frame of the video, or type it; both stay in sync, in source pixels. */
export function RegionPicker({ file, localUrl, region, onChange }: Props) {
  const t = useTranslations("newTask");
  const start = useRef<{ x: number; y: number } | null>(null);

  const toSource = (event: PointerEvent) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: Math.round(clamp((event.clientX - box.left) / box.width, 0, 1) * file.width),
      y: Math.round(clamp((event.clientY - box.top) / box.height, 0, 1) * file.height),
    };
  };
  const drawTo = (point: { x: number; y: number }) => {
    if (!start.current) return;
    const x = Math.min(start.current.x, point.x);
    const y = Math.min(start.current.y, point.y);
    onChange({ x, y, width: Math.abs(point.x - start.current.x), height: Math.abs(point.y - start.current.y) });
  };

  const overlay = {
    onPointerDown: (event: PointerEvent) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = toSource(event);
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
    { key: "width", label: t("regionWidth"), max: file.width - (region?.x ?? 0) },
    { key: "height", label: t("regionHeight"), max: file.height - (region?.y ?? 0) },
  ] as const;
  const current = region ?? { x: 0, y: 0, width: 0, height: 0 };

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-lg font-semibold">{t("regionTitle")}</legend>
      <p className="text-sm text-slate-600">{t("regionHint")}</p>
      <RegionFrame
        width={file.width}
        height={file.height}
        image={file.thumbnailUrl}
        video={localUrl}
        region={region}
        label={t("regionCanvas")}
        overlay={overlay}
      />
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
              onChange={(event) => onChange({ ...current, [field.key]: clamp(Math.round(Number(event.target.value) || 0), 0, field.max) })}
              className="rounded-md border border-slate-300 px-2 py-1.5 tabular-nums"
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
