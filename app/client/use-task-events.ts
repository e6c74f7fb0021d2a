"use client";

import { useEffect, useRef, useState } from "react";
import { localized } from "./api-fetch";
import { taskViewSchema, type TaskView } from "@/lib/tasks/task-view";

/** While live updates flow, pages poll this seldom, only against a stream that went quiet. */
export const LIVE_POLL_MS = 15_000;

/**
 * Listens to the visitor's live task updates (GET /api/events): `onChange` gets each changed task, or
 * null when changes may have been missed (reload what is shown). Returns whether the stream is open;
 * while it is not (never connected, or dropped and reconnecting by itself) pages keep polling.
 */
export function useTaskEvents(onChange: (task: TaskView | null) => void): boolean {
  const [live, setLive] = useState(false);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(localized("/api/events"));
    let reopened = false;
    source.addEventListener("open", () => {
      setLive(true);
      // After a drop: whatever changed while the stream was down.
      if (reopened) latest.current(null);
      reopened = true;
    });
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("task", (event) => {
      const parsed = taskViewSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) latest.current(parsed.data);
    });
    source.addEventListener("resync", () => latest.current(null));
    return () => source.close();
  }, []);
  return live;
}
