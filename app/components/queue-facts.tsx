"use client";

import { useTranslations } from "next-intl";
import type { TaskView } from "@/lib/tasks/task-view";

/** Where a pending task stands in line, or about how long a running one still needs; nothing otherwise. */
export function QueueFacts({ task }: { task: TaskView }) {
  const t = useTranslations("common");
  let text: string | null = null;
  if (task.status === "pending" && task.queuePosition) text = t("queuePosition", { position: task.queuePosition });
  if (task.status === "running" && task.etaSeconds !== null && task.etaSeconds !== undefined) {
    text = task.etaSeconds < 60 ? t("underAMinuteLeft") : t("minutesLeft", { minutes: Math.ceil(task.etaSeconds / 60) });
  }
  if (!text) return null;
  return (
    <p data-testid="queue-facts" className="text-sm text-slate-600">
      {text}
    </p>
  );
}
