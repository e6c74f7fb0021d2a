"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { HTMLAttributes, ReactNode } from "react";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatDuration } from "../../client/format-duration";
import { FilePreview } from "../file-preview";
import { ProgressBar } from "../progress-bar";
import type { UploadItem } from "./use-uploads";

type Props = {
  item: UploadItem;
  problem?: string;
  onCancel: () => void;
  onPause: () => void;
  onResume: () => void;
  onRemove: () => void;
  /** Makes the row draggable, for reordering. */
  dragProps?: HTMLAttributes<HTMLLIElement>;
  children?: ReactNode;
};

const buttonClass = "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100";

/** Progress, then speed and time left once measured (or why bytes do not flow). */
function UploadStatus({ item }: { item: UploadItem }) {
  const t = useTranslations("newTask");
  const locale = useLocale();
  const detail =
    item.state === "paused"
      ? t("uploadPaused")
      : item.reconnecting
        ? t("uploadReconnecting")
        : item.bytesPerSecond !== null && item.secondsLeft !== null
          ? t("uploadRate", { speed: formatBytes(item.bytesPerSecond, locale), time: formatDuration(Math.ceil(item.secondsLeft), locale) })
          : null;
  return (
    <div className="mt-2">
      <div className="flex items-center gap-2">
        <ProgressBar value={item.progress} label={t("uploading", { name: item.name })} />
        <span className="shrink-0 text-xs tabular-nums text-slate-600">{t("uploadProgress", { percent: Math.floor(item.progress) })}</span>
      </div>
      {detail && (
        <p data-upload-detail className="mt-1 text-xs tabular-nums text-slate-600">
          {detail}
        </p>
      )}
    </div>
  );
}

/** One picked file: preview, facts once stored, upload progress with pause, resume and cancel, and its error if any. */
export function UploadRow({ item, problem, onCancel, onPause, onResume, onRemove, dragProps, children }: Props) {
  const t = useTranslations("newTask");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const stored = item.file;
  const unfinished = item.state === "uploading" || item.state === "paused";
  const error = item.error?.message ?? (item.error?.key ? t(item.error.key) : problem);
  const facts = [
    formatBytes(item.size, locale),
    stored ? `${format.number(stored.width)} × ${format.number(stored.height)}` : null,
    stored?.durationSec != null ? formatDuration(stored.durationSec, locale) : null,
  ].filter(Boolean);

  return (
    <li data-upload={item.state} {...dragProps} className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:flex-nowrap">
      {item.state === "error" || item.state === "cancelled" ? (
        <div aria-hidden className="flex h-16 w-24 shrink-0 items-center justify-center rounded-md bg-red-50 text-2xl text-red-400">!</div>
      ) : (
        <FilePreview file={{ id: stored?.id ?? "", kind: stored?.kind ?? "video", name: item.name, thumbnailUrl: stored?.thumbnailUrl ?? null }} localUrl={item.localUrl} />
      )}
      <div className="min-w-0 flex-1 basis-40">
        <p className="truncate font-medium" title={item.name}>{item.name}</p>
        <p className="text-sm text-slate-500">{facts.join(" · ")}</p>
        {unfinished && <UploadStatus item={item} />}
        {item.state === "done" && !error && <p className="text-sm font-medium text-emerald-700">{item.chosen ? t("fromMyFiles") : t("uploaded")}</p>}
        {error && (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-1">
        {children}
        {item.state === "uploading" && (
          <button type="button" onClick={onPause} aria-label={t("pauseUpload", { name: item.name })} className={buttonClass}>
            {t("pause")}
          </button>
        )}
        {item.state === "paused" && (
          <button type="button" onClick={onResume} aria-label={t("resumeUpload", { name: item.name })} className={buttonClass}>
            {t("resume")}
          </button>
        )}
        {unfinished ? (
          <button type="button" onClick={onCancel} aria-label={t("cancelUpload", { name: item.name })} className={buttonClass}>
            {tCommon("cancel")}
          </button>
        ) : (
          <button type="button" onClick={onRemove} aria-label={t("removeFile", { name: item.name })} className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-red-700">
            ✕
          </button>
        )}
      </div>
    </li>
  );
}
