"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TaskView } from "@/lib/tasks/task-view";

/** When the task was created, started and finished, how many attempts it took and when it will be deleted. */
export function TaskTimeline({ task }: { task: TaskView }) {
  const t = useTranslations("taskDetail");
  const format = useFormatter();
  const at = (iso: string | null) =>
    iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" })}</time> : t("notYet");
  const rows = [
    [t("createdAt"), at(task.createdAt)],
    [t("startedAt"), at(task.startedAt)],
    [t("finishedAt"), at(task.finishedAt)],
    [t("attempts"), format.number(task.attempts)],
    [t("expiresAt"), at(task.expiresAt)],
  ] as const;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
