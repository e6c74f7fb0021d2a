"use client";

import { createContext, useContext, useEffect, useRef } from "react";
import type { TaskView } from "@/lib/tasks/task-view";

/** While live updates flow, pages poll this seldom, only against a stream that went quiet. */
export const LIVE_POLL_MS = 15_000;

type Listener = (task: TaskView | null) => void;

/** The layout's one live-updates stream (task-events-provider.tsx), as pages see it. */
export type TaskEvents = {
  live: boolean;
  subscribe: (listener: Listener) => () => void;
  /** Tasks a page loaded by itself, so a finish seen only by polling still gets its toast. */
  report: (tasks: TaskView[]) => void;
};

export const TaskEventsContext = createContext<TaskEvents | null>(null);

/**
 * Listens to the visitor's live task updates: `onChange` gets each changed task, or null when changes
 * may have been missed (reload what is shown). Returns whether the stream is open; while it is not
 * (never connected, or dropped and reconnecting by itself) pages keep polling.
 */
export function useTaskEvents(onChange: Listener): boolean {
  const events = useContext(TaskEventsContext);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => events?.subscribe((task) => latest.current(task)), [events]);
  return events?.live ?? false;
}

const ignore = () => undefined;

/** Hands tasks a page loaded to the layout's finish toasts. */
export function useReportTasks(): (tasks: TaskView[]) => void {
  return useContext(TaskEventsContext)?.report ?? ignore;
}
