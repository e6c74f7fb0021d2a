"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Link } from "@/i18n/navigation";
import { ApiError, localized } from "../client/api-fetch";
import { ensureVisitor } from "../client/ensure-visitor";
import { notifyIfHidden } from "../client/finish-notifications";
import { takeSubmittedTask } from "../client/submitted-tasks";
import { TaskEventsContext, type TaskEvents } from "../client/use-task-events";
import { isActiveStatus } from "@/lib/tasks/task-states";
import { taskViewSchema, type TaskStatus, type TaskView } from "@/lib/tasks/task-view";
import { taskCommands } from "./tasks/task-commands";

/** Downloads a file through a temporary link, as the result card's Download button does. */
function download(file: { id: string; name: string }) {
  const link = Object.assign(document.createElement("a"), { href: `/api/files/${file.id}/content`, download: file.name });
  link.click();
}

/**
 * Toasts for tasks this tab watched while pending or running (or just submitted) that then complete
 * (with Download and a link to the task) or fail (with Retry), on whichever page the visitor is; a
 * system notification too while the tab is hidden and the visitor allowed them.
 */
function useFinishToasts(): (task: TaskView) => void {
  const t = useTranslations("tasks");
  const tType = useTranslations("taskType");
  const tCommon = useTranslations("common");
  const seen = useRef(new Map<string, TaskStatus>());
  return useCallback(
    (task: TaskView) => {
      const before = seen.current.get(task.id) ?? (takeSubmittedTask(task.id) ? "pending" : undefined);
      seen.current.set(task.id, task.status);
      if (!before || !isActiveStatus(before) || isActiveStatus(task.status)) return;
      const type = tType(task.type);
      const open = <Link href={`/tasks/${task.id}`} className="underline">{t("openTask")}</Link>;
      if (task.status === "completed") {
        const output = task.outputs[0];
        toast.success(t("finishedToast", { type }), { description: open, action: output && { label: tCommon("download"), onClick: () => download(output) } });
        notifyIfHidden(t("finishedToast", { type }), { tag: task.id });
      }
      if (task.status === "failed") {
        notifyIfHidden(t("failedToast", { type }), { body: task.error?.message, tag: task.id });
        const retry = () => {
          seen.current.set(task.id, "pending");
          taskCommands.retry(task.id).catch((error: unknown) => toast.error(error instanceof ApiError ? error.message : tCommon("loadError")));
        };
        toast.error(t("failedToast", { type }), { description: task.error?.message, duration: 15_000, action: { label: tCommon("retry"), onClick: retry } });
      }
    },
    [t, tType, tCommon],
  );
}

/**
 * One live-updates stream (GET /api/events) for every page of the app, opened once by the layout so
 * that a task finishing is heard wherever the visitor is. `document.body.dataset.liveUpdates` says
 * whether it is open.
 */
export function TaskEventsProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState(false);
  const listeners = useRef(new Set<(task: TaskView | null) => void>());
  const observe = useFinishToasts();
  const observeRef = useRef(observe);
  useEffect(() => {
    observeRef.current = observe;
  }, [observe]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const tell = (task: TaskView | null) => listeners.current.forEach((listener) => listener(task));
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    let closedFor = 0;
    const connect = () => {
      source = new EventSource(localized("/api/events"));
      source.addEventListener("open", () => {
        setLive(true);
        // After a drop: whatever changed while the stream was down.
        if (opened) tell(null);
        opened = true;
        closedFor = 0;
      });
      source.addEventListener("error", () => {
        setLive(false);
        // The browser retries a dropped stream by itself, but gives up on an error answer (a visitor
        // without a cookie yet, a server restarting): open it again, less and less often.
        if (source?.readyState !== EventSource.CLOSED) return;
        closedFor = Math.min(30_000, Math.max(2_000, closedFor * 2));
        retryTimer = setTimeout(connect, closedFor);
      });
      source.addEventListener("task", (event) => {
        const parsed = taskViewSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (!parsed.success) return;
        observeRef.current(parsed.data);
        tell(parsed.data);
      });
      source.addEventListener("resync", () => tell(null));
    };
    // A stream opened without the visitor's cookie would never carry a task: be someone first.
    let stopped = false;
    void ensureVisitor().then(() => stopped || connect());
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, []);
  useEffect(() => {
    document.body.dataset.liveUpdates = live ? "open" : "closed";
  }, [live]);

  const value = useMemo<TaskEvents>(
    () => ({
      live,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      },
      report: (tasks) => tasks.forEach((task) => observeRef.current(task)),
    }),
    [live],
  );
  return <TaskEventsContext value={value}>{children}</TaskEventsContext>;
}
