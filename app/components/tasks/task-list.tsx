"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { ApiError } from "../../client/api-fetch";
import { EmptyState } from "../empty-state";
import type { TaskView } from "@/lib/tasks/task-view";
import { NotifyButton } from "./notify-button";
import { Pagination } from "./pagination";
import { groupPipelines, PipelineGroup } from "./pipeline-group";
import { taskCommands } from "./task-commands";
import { TaskFilters, type Filters } from "./task-filters";
import { TaskRow } from "./task-row";
import { TaskSearch } from "./task-search";
import { PAGE_SIZE, useTaskPage } from "./use-task-page";

/** My tasks: search (kept in the address as ?q=), filters, the current page of tasks updating in place, and "clear finished". */
export function TaskList({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations("tasks");
  const tCommon = useTranslations("common");
  const [filters, setFilters] = useState<Filters>({ status: "", type: "", q: initialQuery });
  const [page, setPage] = useState(1);
  const { data, failed, reload, retry } = useTaskPage(filters, page);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      toast.success(done);
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : tCommon("loadError"));
    }
    await reload();
  };
  const actionsFor = (task: TaskView) => ({
    onCancel: () => run(() => taskCommands.cancel(task.id), t("cancelled")),
    onRetry: () => run(() => retry(task.id), t("retried")),
    onDelete: () => {
      if (window.confirm(t("confirmDelete"))) void run(() => taskCommands.remove(task.id), t("deleted"));
    },
  });
  const clearFinished = async () => {
    if (!window.confirm(t("confirmClear"))) return;
    try {
      const { deleted } = await taskCommands.clearFinished();
      toast.success(deleted ? t("cleared", { count: deleted }) : t("clearedNone"));
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : tCommon("loadError"));
    }
    await reload();
  };

  const search = useCallback((q: string) => {
    setFilters((current) => ({ ...current, q }));
    setPage(1);
    const url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const filtered = filters.status !== "" || filters.type !== "" || filters.q !== "";
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  return (
    <div className="flex flex-col gap-4">
      <TaskSearch value={filters.q} onSearch={search} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TaskFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
        <div className="flex flex-wrap items-center gap-2">
          {(data?.total ?? 0) > 0 && <NotifyButton />}
          {(filtered || (data?.total ?? 0) > 0) && <button type="button" onClick={clearFinished} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            {t("clearFinished")}
          </button>}
        </div>
      </div>
      {failed && <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{tCommon("loadError")}</p>}
      {!data ? (
        <p className="py-10 text-center text-slate-500">{tCommon("loading")}</p>
      ) : data.tasks.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("emptyTitle")} body={filtered ? undefined : t("emptyBody")} actionLabel={t("emptyAction")} />
      ) : (
        <ul aria-label={t("list")} className="flex flex-col gap-3">
          {groupPipelines(data.tasks).map((group) =>
            group[0]!.pipelineId ? (
              <PipelineGroup key={group[0]!.pipelineId ?? group[0]!.id} steps={group}>
                {group.map((task) => (
                  <TaskRow key={task.id} task={task} {...actionsFor(task)} />
                ))}
              </PipelineGroup>
            ) : (
              <TaskRow key={group[0]!.id} task={group[0]!} {...actionsFor(group[0]!)} />
            ),
          )}
        </ul>
      )}
      {pages > 1 && <Pagination page={page} pages={pages} onPage={setPage} />}
    </div>
  );
}
