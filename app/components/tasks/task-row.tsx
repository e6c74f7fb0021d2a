"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { isActiveStatus } from "@/lib/tasks/task-states";
import type { TaskView } from "@/lib/tasks/task-view";
import { FilePreview } from "../file-preview";
import { ProgressBar } from "../progress-bar";
import { QueueFacts } from "../queue-facts";
import { StatusBadge } from "../status-badge";
import { ShortId } from "./short-id";
import { TaskActions } from "./task-actions";

type Props = { task: TaskView; onCancel: () => void; onRetry: () => void; onDelete: () => void };

/** One task in My tasks: what it is, where it stands, and what can be done with it. */
export function TaskRow({ task, ...actions }: Props) {
  const t = useTranslations("tasks");
  const tType = useTranslations("taskType");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  const preview = task.outputs.find((file) => file.thumbnailUrl) ?? task.inputs[0];
  const when = (iso: string) => format.relativeTime(new Date(Math.min(Date.parse(iso), now.getTime())), now);

  return (
    <li data-task-id={task.id} data-status={task.status} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start">
      {preview ? <FilePreview file={preview} className="h-20 w-full sm:w-32" /> : <div aria-hidden className="h-20 w-32 rounded-md bg-slate-200" />}
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-semibold text-brand-900">
            <Link href={`/tasks/${task.id}`} className="hover:underline" aria-label={t("detailsOf", { type: tType(task.type) })}>
              {tType(task.type)}
            </Link>
          </h2>
          <StatusBadge status={task.status} />
          <ShortId shortId={task.shortId} />
        </div>
        <p className="truncate text-sm text-slate-600" title={task.inputs.map((file) => file.name).join(", ")}>
          {task.inputs.map((file) => file.name).join(" · ")}
        </p>
        {task.status !== "failed" && task.status !== "cancelled" && (
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <ProgressBar value={task.progress} label={`${tCommon("progress")}: ${tType(task.type)}`} />
              <span className="w-10 shrink-0 text-right text-xs tabular-nums text-slate-600">{format.number(task.progress / 100, { style: "percent" })}</span>
            </div>
            {isActiveStatus(task.status) && task.message && <p className="text-sm text-slate-600">{task.message}</p>}
            <QueueFacts task={task} />
          </div>
        )}
        {task.status === "failed" && task.error && <p className="text-sm text-red-700">{task.error.message}</p>}
        <p className="text-xs text-slate-500">
          <time dateTime={task.createdAt} title={format.dateTime(new Date(task.createdAt), { dateStyle: "medium", timeStyle: "short" })}>{t("created", { time: when(task.createdAt) })}</time>
          {task.finishedAt && (
            <>
              {" · "}
              <time dateTime={task.finishedAt}>{t("finished", { time: when(task.finishedAt) })}</time>
            </>
          )}
        </p>
        <TaskActions task={task} {...actions} />
      </div>
    </li>
  );
}
