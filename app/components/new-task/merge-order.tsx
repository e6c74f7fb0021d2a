"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

type Props = { index: number; count: number; name: string; onMove: (from: number, to: number) => void };

/** Up/down buttons for keyboard users; the position is announced with the file name. */
export function MoveButtons({ index, count, name, onMove }: Props) {
  const t = useTranslations("common");
  const button = "rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-40";
  return (
    <>
      <button type="button" className={button} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`${t("moveUp")}: ${name}`}>
        ↑
      </button>
      <button type="button" className={button} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`${t("moveDown")}: ${name}`}>
        ↓
      </button>
    </>
  );
}

/** HTML drag-and-drop for reordering rows: returns the props to spread on row `index`. */
export function useDragReorder(onMove: (from: number, to: number) => void) {
  const [dragging, setDragging] = useState<number | null>(null);
  return (index: number) => ({
    draggable: true,
    onDragStart: (event: React.DragEvent) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", String(index));
      setDragging(index);
    },
    onDragOver: (event: React.DragEvent) => {
      if (dragging === null) return;
      event.preventDefault();
      event.stopPropagation();
    },
    onDrop: (event: React.DragEvent) => {
      if (dragging === null) return;
      event.preventDefault();
      event.stopPropagation();
      onMove(dragging, index);
      setDragging(null);
    },
    onDragEnd: () => setDragging(null),
  });
}
