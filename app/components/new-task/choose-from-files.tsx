"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { filePageSchema, type FilePage, type FileView } from "@/lib/files/file-view";
import type { TaskType } from "@/lib/tasks/task-view";
import { apiFetch } from "../../client/api-fetch";
import { FilePreview, isExpired } from "../file-preview";
import { useFileFacts } from "../task-detail/use-file-facts";
import { Pagination } from "../tasks/pagination";
import { FilterSelect } from "../tasks/task-filters";

const PAGE_SIZE = 8;

type Props = { type: TaskType; chosenIds: ReadonlySet<string>; onChoose: (file: FileView) => void };

/** One page of the visitor's files of a kind, fetched while `open`; null while it loads, "failed" when it could not be had. */
function useFilePage(open: boolean, kind: "" | "video" | "image", page: number) {
  const [data, setData] = useState<{ query: string; page: FilePage | "failed" } | null>(null);
  const query = new URLSearchParams({ kind, page: String(page), pageSize: String(PAGE_SIZE) }).toString();
  useEffect(() => {
    if (!open) return;
    let current = true;
    apiFetch(`/api/files?${query}`, filePageSchema).then(
      (answer) => current && setData({ query, page: answer }),
      () => current && setData({ query, page: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [open, query]);
  return data?.query === query ? data.page : null;
}

/**
 * "Choose from my files" beside the drop zone: a dialog listing the visitor's uploads and results of the
 * kinds the task type reads; a file picked there joins the task's inputs like an upload. The browser's
 * modal dialog keeps focus inside, closes on Escape and gives focus back to the button.
 */
export function ChooseFromFiles({ type, chosenIds, onChoose }: Props) {
  const t = useTranslations("newTask");
  const tFiles = useTranslations("files");
  const tCommon = useTranslations("common");
  const facts = useFileFacts();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [kindFilter, setKindFilter] = useState<"" | "video" | "image">("");
  const [page, setPage] = useState(1);
  const videosOnly = type !== "thumbnail";
  const kind = videosOnly ? "video" : kindFilter;
  const files = useFilePage(open, kind, page);

  const show = () => {
    setPage(1);
    setOpen(true);
    dialog.current?.showModal();
  };
  const close = useCallback(() => dialog.current?.close(), []);
  const choose = (file: FileView) => {
    onChoose(file);
    close();
  };

  const pages = files && files !== "failed" ? Math.max(1, Math.ceil(files.total / PAGE_SIZE)) : 1;
  return (
    <>
      <button ref={opener} type="button" onClick={show} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
        {t("chooseFromFiles")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="choose-files-title"
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] max-h-[85vh] rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-4 p-4 sm:p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id="choose-files-title" className="text-lg font-semibold">{t("chooserTitle")}</h2>
            <button type="button" onClick={close} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100">
              {tCommon("close")}
            </button>
          </div>
          {videosOnly ? (
            <p className="text-sm text-slate-600">{t("chooserVideosOnly")}</p>
          ) : (
            <FilterSelect
              label={tFiles("filterKind")}
              name="kind"
              value={kindFilter}
              allLabel={tFiles("all")}
              options={[{ value: "video", label: tFiles("videos") }, { value: "image", label: tFiles("images") }]}
              onChange={(next) => {
                setKindFilter(next);
                setPage(1);
              }}
            />
          )}
          {files === "failed" ? (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{tCommon("loadError")}</p>
          ) : !files ? (
            <p className="py-6 text-center text-slate-500">{tCommon("loading")}</p>
          ) : files.files.length === 0 ? (
            <p className="py-6 text-center text-slate-500">{t("chooserEmpty")}</p>
          ) : (
            <ul aria-label={tFiles("list")} className="flex flex-col gap-2">
              {files.files.map((file) => {
                const expired = isExpired(file);
                const chosen = chosenIds.has(file.id);
                return (
                  <li key={file.id} data-file-id={file.id} className="flex items-center gap-3 rounded-lg border border-slate-200 p-2">
                    <FilePreview file={file} className="h-12 w-20" />
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium" title={file.name}>{file.name}</p>
                      <p className="text-xs text-slate-500">
                        {file.origin === "upload" ? tFiles("uploaded") : tFiles("result")} · {expired ? tFiles("expiredShort") : facts(file)}
                      </p>
                    </div>
                    <button
                      type="button"
                      disabled={expired || chosen}
                      onClick={() => choose(file)}
                      aria-label={t("chooseFile", { name: file.name })}
                      className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:bg-slate-200 disabled:text-slate-500"
                    >
                      {chosen ? t("alreadyChosen") : t("choose")}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {pages > 1 && <Pagination page={page} pages={pages} onPage={setPage} />}
        </div>
      </dialog>
    </>
  );
}
