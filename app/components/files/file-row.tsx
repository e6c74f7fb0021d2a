"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { FileView } from "@/lib/files/file-view";
import { FilePreview, isExpired } from "../file-preview";
import { UseInNewTask } from "./use-in-new-task";
import { useFileFacts } from "../task-detail/use-file-facts";

type Props = { file: FileView; selected: boolean; onSelect: (selected: boolean) => void; onDelete: () => void };

/** One file on My files: its preview and facts, where it came from, when it goes, and what can be done with it. */
export function FileRow({ file, selected, onSelect, onDelete }: Props) {
  const t = useTranslations("files");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const facts = useFileFacts();
  const now = useNow({ updateInterval: 30_000 });
  const expired = isExpired(file, now);
  return (
    <li data-file-id={file.id} data-expired={expired || undefined} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start">
      <div className="flex items-start gap-3">
        <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label={t("select", { name: file.name })} className="mt-1 size-4" />
        <FilePreview file={file} className="h-20 flex-1 sm:w-32 sm:flex-none" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="truncate font-medium" title={file.name}>{file.name}</p>
        <p className="text-sm text-slate-600">{facts(file)}</p>
        <p className="text-sm text-slate-600">
          {file.origin === "upload" ? t("uploaded") : t("result")}
          {file.taskId && (
            <>
              {" · "}
              <Link href={`/tasks/${file.taskId}`} className="font-medium text-brand-700 hover:underline">{t("madeBy")}</Link>
            </>
          )}
        </p>
        <p className={`text-xs ${expired ? "font-medium text-amber-800" : "text-slate-500"}`}>
          <time dateTime={file.expiresAt}>{expired ? t("expired") : t("expires", { time: format.relativeTime(new Date(file.expiresAt), now) })}</time>
        </p>
        <div className="mt-1 flex flex-wrap gap-2">
          {!expired && (
            <a href={`/api/files/${file.id}/content`} download={file.name} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
              {tCommon("download")}
              <span className="sr-only"> {file.name}</span>
            </a>
          )}
          {!expired && <UseInNewTask file={file} />}
          <button type="button" onClick={onDelete} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            {tCommon("delete")}
            <span className="sr-only"> {file.name}</span>
          </button>
        </div>
      </div>
    </li>
  );
}
