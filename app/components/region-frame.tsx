/* eslint-disable @next/next/no-img-element -- private files need the visitor's cookie, which the image optimizer would not send */
import type { PointerEventHandler, ReactNode } from "react";
import type { Region } from "@/lib/tasks/types/watermark-rules";

type Props = {
  width: number;
  height: number;
  /** The video itself (shown half a second in), or else a picture of the frame such as its thumbnail. */
  image?: string | null;
  video?: string;
  region: Region | null;
  label: string;
  overlay?: { onPointerDown: PointerEventHandler; onPointerMove: PointerEventHandler; onPointerUp: PointerEventHandler };
  children?: ReactNode;
};

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

/** Where a region (in source pixels) sits over a frame of `width` × `height`, as CSS. */
export function regionBoxStyle(region: Region, width: number, height: number) {
  return { left: percent(region.x, width), top: percent(region.y, height), width: percent(region.width, width), height: percent(region.height, height) };
}

/** A video frame at its true aspect ratio with the watermark region (in source pixels) drawn over it. */
export function RegionFrame({ width, height, image, video, region, label, overlay, children }: Props) {
  return (
    <div className="relative w-full max-w-2xl overflow-hidden rounded-lg bg-slate-900 select-none" style={{ aspectRatio: `${width} / ${height}` }}>
      {video ? (
        <video src={`${video}#t=0.5`} poster={image ?? undefined} muted playsInline preload="metadata" aria-hidden className="absolute inset-0 h-full w-full object-contain" />
      ) : image ? (
        <img src={image} alt="" className="absolute inset-0 h-full w-full object-contain" draggable={false} />
      ) : null}
      <div
        role={overlay ? "application" : "img"}
        aria-label={label}
        data-testid="region-frame"
        className={`absolute inset-0 ${overlay ? "cursor-crosshair touch-none" : ""}`}
        {...overlay}
      >
        {region && region.width > 0 && region.height > 0 && (
          <div
            data-testid="region-box"
            className="absolute border-2 border-amber-400 bg-amber-300/25 shadow-[0_0_0_9999px_rgba(15,23,42,0.35)]"
            style={regionBoxStyle(region, width, height)}
          />
        )}
      </div>
      {children}
    </div>
  );
}
