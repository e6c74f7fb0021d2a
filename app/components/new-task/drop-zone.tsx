"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type DragEvent } from "react";

type Props = { multiple: boolean; acceptImages: boolean; limitsText: string; onFiles: (files: File[]) => void };

/** Pick files with the system dialog or drop them on the area. */
export function DropZone({ multiple, acceptImages, limitsText, onFiles }: Props) {
  const t = useTranslations("newTask");
  const inputId = useId();
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col items-center gap-1 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors ${over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="mb-1 h-8 w-8 text-brand-600" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="text-slate-700">
        {acceptImages ? t("dropHereImages") : t("dropHere")}{" "}
        <label htmlFor={inputId} className="cursor-pointer font-semibold text-brand-700 underline underline-offset-2 has-[+input:focus-visible]:outline-2">
          {multiple ? t("pick") : t("pickOne")}
        </label>
        <input
          id={inputId}
          type="file"
          multiple={multiple}
          accept={acceptImages ? "video/*,image/*" : "video/*"}
          className="sr-only"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = "";
            if (files.length) onFiles(files);
          }}
        />
      </p>
      <p className="text-sm text-slate-500">{limitsText}</p>
    </div>
  );
}
