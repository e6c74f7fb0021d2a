"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "../../client/api-fetch";
import { notifyIfHidden } from "../../client/finish-notifications";
import { takeSubmittedTask } from "../../client/submitted-tasks";
import { isActiveStatus } from "@/lib/tasks/task-states";
import { taskPageSchema, type TaskStatus, type TaskView } from "@/lib/tasks/task-view";
import { usePolling } from "../../client/use-polling";
import { LIVE_POLL_MS, useTaskEvents } from "../../client/use-task-events";
import type { Filters } from "./task-filters";
import { taskCommands } from "./task-commands";

export const PAGE_SIZE = 10;

type TaskPage = { tasks: TaskView[]; total: number };

/**
 * One page of the visitor's tasks, refreshed every 1.5 s only while one of them is pending or running,
 * with a toast when a task the visitor is watching finishes or fails.
 */
export function useTaskPage(filters: Filters, page: number) {
  const t = useTranslations("tasks");
  const tType = useTranslations("taskType");
  const tCommon = useTranslations("common");
  const [data, setData] = useState<TaskPage | null>(null);
  const [failed, setFailed] = useState(false);
  const seen = useRef(new Map<string, TaskStatus>());
  /** Retried tasks are watched from "pending" again, so a quick second outcome still gets its toast. */
  const retry = useCallback(async (taskId: string) => {
    seen.current.set(taskId, "pending");
    await taskCommands.retry(taskId);
  }, []);

  const load = useCallback(async () => {
    const query = new URLSearchParams({ status: filters.status, type: filters.type, q: filters.q, page: String(page), pageSize: String(PAGE_SIZE) });
    try {
      const next = await apiFetch(`/api/tasks?${query}`, taskPageSchema);
      setFailed(false);
      setData(next);
    } catch {
      setFailed(true);
    }
  }, [filters.status, filters.type, filters.q, page]);

  useEffect(() => {
    for (const task of data?.tasks ?? []) {
      const before = seen.current.get(task.id) ?? (takeSubmittedTask(task.id) ? "pending" : undefined);
      seen.current.set(task.id, task.status);
      if (!before || !isActiveStatus(before) || isActiveStatus(task.status)) continue;
      const type = tType(task.type);
      if (task.status === "completed") {
        toast.success(t("finishedToast", { type }));
        notifyIfHidden(t("finishedToast", { type }), { tag: task.id });
      }
      if (task.status === "failed") {
        notifyIfHidden(t("failedToast", { type }), { body: task.error?.message, tag: task.id });
        toast.error(t("failedToast", { type }), {
          description: task.error?.message,
          duration: 15_000,
          action: { label: tCommon("retry"), onClick: () => void retry(task.id).then(load, load) },
        });
      }
    }
  }, [data, load, retry, t, tType, tCommon]);

  // A change to a task on this page is applied as it arrives; anything else (a new task, a missed
  // change) reloads the page. Polling is the fallback while the stream is down.
  const shownIds = useRef(new Set<string>());
  useEffect(() => {
    shownIds.current = new Set(data?.tasks.map((task) => task.id));
  }, [data]);
  const live = useTaskEvents(
    useCallback(
      (changed: TaskView | null) => {
        if (!changed || !shownIds.current.has(changed.id)) return void load();
        setData((current) => current && { ...current, tasks: current.tasks.map((task) => (task.id === changed.id ? changed : task)) });
      },
      [load],
    ),
  );
  const active = failed || (data?.tasks.some((task) => isActiveStatus(task.status)) ?? false);
  usePolling(load, active, live ? LIVE_POLL_MS : undefined);

  return { data, failed, reload: load, retry };
}
