"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "../../client/api-fetch";
import { isActiveStatus } from "@/lib/tasks/task-states";
import { taskPageSchema, type TaskView } from "@/lib/tasks/task-view";
import { usePolling } from "../../client/use-polling";
import { LIVE_POLL_MS, useReportTasks, useTaskEvents } from "../../client/use-task-events";
import type { Filters } from "./task-filters";
import { taskCommands } from "./task-commands";

export const PAGE_SIZE = 10;

type TaskPage = { tasks: TaskView[]; total: number };

/**
 * One page of the visitor's tasks, applied from live updates as they arrive (refreshed every 1.5 s
 * while the stream is down and one of them is pending or running).
 */
export function useTaskPage(filters: Filters, page: number) {
  const [data, setData] = useState<TaskPage | null>(null);
  const [failed, setFailed] = useState(false);
  const report = useReportTasks();
  /** Retried tasks are watched from "pending" again, so a quick second outcome still gets its toast. */
  const retry = useCallback(async (taskId: string) => report([(await taskCommands.retry(taskId)).task]), [report]);

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

  // The layout's toasts hear of finishes seen by polling too (while the stream is down).
  useEffect(() => {
    if (data) report(data.tasks);
  }, [data, report]);

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
