"use client";

/* eslint-disable @next/next/no-img-element -- private files need the visitor's cookie, which the image optimizer would not send */
import { useTranslations } from "next-intl";
import type { FileView } from "@/lib/files/file-view";
import { FilePreview, isExpired } from "../file-preview";
import { UseInNewTask } from "../files/use-in-new-task";
import { useFileFacts } from "./use-file-facts";

/**
 * A result: an inline preview that streams from the server (Range requests), its facts and a download
 * button; once it has expired, a placeholder and a note instead.
 */
export function OutputCard({ file }: { file: FileView }) {
  const t = useTranslations("common");
  const tFiles = useTranslations("files");
  const facts = useFileFacts();
  const content = `/api/files/${file.id}/content`;
  const expired = isExpired(file);
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {expired ? (
        <FilePreview file={file} className="h-32 w-full" />
      ) : file.kind === "video" ? (
        <video src={content} controls preload="metadata" poster={file.thumbnailUrl ?? undefined} className="max-h-96 w-full rounded-lg bg-slate-900" />
      ) : (
        <img src={content} alt={file.name} className="max-h-96 max-w-full self-start rounded-lg border border-slate-200" />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium">{file.name}</p>
          <p className="text-sm text-slate-500">{facts(file)}</p>
        </div>
        {expired ? (
          <p className="text-sm font-medium text-amber-800">{tFiles("expired")}</p>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <UseInNewTask file={file} />
            <a href={content} download={file.name} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
              {t("download")}
              <span className="sr-only"> {file.name}</span>
            </a>
          </div>
        )}
      </div>
    </li>
  );
}
