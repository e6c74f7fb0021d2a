"use client";

import { useTranslations } from "next-intl";
import type { TaskView } from "@/lib/tasks/task-view";
import { isExpired } from "../file-preview";

type Props = { task: TaskView; onCancel: () => void; onRetry: () => void; onDelete: () => void };

const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100";

/** Download (of results not yet expired), cancel, retry and delete, each shown only when it makes sense for the task's status. */
export function TaskActions({ task, onCancel, onRetry, onDelete }: Props) {
  const t = useTranslations("common");
  const active = task.status === "pending" || task.status === "running";
  return (
    <div className="flex flex-wrap gap-2">
      {task.status === "completed" &&
        task.outputs
          .filter((output) => !isExpired(output))
          .map((output) => (
            <a key={output.id} href={`/api/files/${output.id}/content`} download={output.name} className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-semibold text-white hover:bg-brand-700">
              {t("download")}
              <span className="sr-only"> {output.name}</span>
            </a>
          ))}
      {active && (
        <button type="button" onClick={onCancel} className={button}>
          {t("cancel")}
        </button>
      )}
      {(task.status === "failed" || task.status === "cancelled") && (
        <button type="button" onClick={onRetry} className={button}>
          {t("retry")}
        </button>
      )}
      <button type="button" onClick={onDelete} className={`${button} hover:border-red-300 hover:text-red-700`}>
        {t("delete")}
      </button>
    </div>
  );
}
