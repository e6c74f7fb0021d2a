"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { filePageSchema, type FilePage } from "@/lib/files/file-view";
import { ApiError, apiFetch } from "../../client/api-fetch";
import { usePolling } from "../../client/use-polling";
import { EmptyState } from "../empty-state";
import { Pagination } from "../tasks/pagination";
import { FilterSelect } from "../tasks/task-filters";
import { FileRow } from "./file-row";
import { UsageBar } from "./usage-bar";

const PAGE_SIZE = 10;

/** The part of GET /api/me this page reads. */
const usageSchema = z.object({ usage: z.object({ storedBytes: z.number(), quotaBytes: z.number() }) });
type Usage = z.infer<typeof usageSchema>["usage"];

type Filters = { kind: "" | "video" | "image"; origin: "" | "upload" | "output" };

/** My files: the usage bar, filters, one page of uploads and results, and deleting one or several. */
export function FileList() {
  const t = useTranslations("files");
  const tCommon = useTranslations("common");
  const [filters, setFilters] = useState<Filters>({ kind: "", origin: "" });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FilePage | null>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(async () => {
    const query = new URLSearchParams({ ...filters, page: String(page), pageSize: String(PAGE_SIZE) });
    try {
      const [files, me] = await Promise.all([apiFetch(`/api/files?${query}`, filePageSchema), apiFetch("/api/me", usageSchema)]);
      setData(files);
      setUsage(me.usage);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [filters, page]);
  usePolling(load, false);

  const remove = async (fileIds: string[]) => {
    if (!window.confirm(t("confirmDelete", { count: fileIds.length }))) return;
    const results = await Promise.allSettled(fileIds.map((fileId) => apiFetch(`/api/files/${fileId}`, z.null(), { method: "DELETE" })));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    if (refused.length === 0) toast.success(t("deleted", { count: fileIds.length }));
    else toast.error(refused[0] instanceof ApiError ? refused[0].message : tCommon("loadError"));
    setSelected(new Set());
    await load();
  };
  const select = (fileId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(fileId);
      else next.delete(fileId);
      return next;
    });
  const filter = (next: Filters) => {
    setFilters(next);
    setPage(1);
    setSelected(new Set());
  };

  const filtered = filters.kind !== "" || filters.origin !== "";
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  return (
    <div className="flex flex-col gap-4">
      {usage && <UsageBar {...usage} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-3">
          <FilterSelect label={t("filterKind")} name="kind" value={filters.kind} allLabel={t("all")} options={[{ value: "video", label: t("videos") }, { value: "image", label: t("images") }]} onChange={(kind) => filter({ ...filters, kind })} />
          <FilterSelect label={t("filterOrigin")} name="origin" value={filters.origin} allLabel={t("all")} options={[{ value: "upload", label: t("uploads") }, { value: "output", label: t("results") }]} onChange={(origin) => filter({ ...filters, origin })} />
        </div>
        {selected.size > 0 && (
          <button type="button" onClick={() => void remove([...selected])} className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50">
            {t("deleteSelected", { count: selected.size })}
          </button>
        )}
      </div>
      {failed && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{tCommon("loadError")}</p>}
      {!data ? (
        <p className="py-10 text-center text-slate-500">{tCommon("loading")}</p>
      ) : data.files.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("emptyTitle")} actionLabel={t("emptyAction")} />
      ) : (
        <ul aria-label={t("list")} className="flex flex-col gap-3">
          {data.files.map((file) => (
            <FileRow key={file.id} file={file} selected={selected.has(file.id)} onSelect={(on) => select(file.id, on)} onDelete={() => void remove([file.id])} />
          ))}
        </ul>
      )}
      {pages > 1 && <Pagination page={page} pages={pages} onPage={setPage} />}
    </div>
  );
}
