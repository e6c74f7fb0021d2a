"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import type { TaskType, TaskView } from "../client/types";

export type TimeoutMinutes = Record<TaskType, number>;

const TimeoutMinutesContext = createContext<TimeoutMinutes>({ watermark: 0, merge: 0, thumbnail: 0 });

/** Gives task pages the server's time limit per task type, which the "timeout" error message names. */
export function TaskErrorProvider({ timeoutMinutes, children }: { timeoutMinutes: TimeoutMinutes; children: ReactNode }) {
  return <TimeoutMinutesContext.Provider value={timeoutMinutes}>{children}</TimeoutMinutesContext.Provider>;
}

const plainCodes = new Set(["invalid_input", "processing_failed", "worker_lost", "internal", "expired", "not_found"]);

/**
 * What went wrong, in the visitor's language. The stored error text is the worker's technical note
 * (it stays in the task's log); visitors read the message for its code.
 */
export function useTaskError(): (task: Pick<TaskView, "error" | "type">) => string | null {
  const t = useTranslations("errors");
  const minutes = useContext(TimeoutMinutesContext);
  return (task) => {
    if (!task.error) return null;
    if (task.error.code === "timeout") return t("timeout", { minutes: minutes[task.type] });
    return t(plainCodes.has(task.error.code) ? (task.error.code as "internal") : "internal");
  };
}
