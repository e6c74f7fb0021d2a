"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useRouter } from "@/i18n/navigation";
import { ApiError, apiFetch } from "../../client/api-fetch";
import { isActiveStatus } from "@/lib/tasks/task-states";
import { logsAnswerSchema, taskAnswerSchema, type TaskView } from "@/lib/tasks/task-view";
import { usePolling } from "../../client/use-polling";
import { LIVE_POLL_MS, useReportTasks, useTaskEvents } from "../../client/use-task-events";
import { Breadcrumbs } from "../breadcrumbs";
import { FilePreview } from "../file-preview";
import { ProgressBar } from "../progress-bar";
import { QueueFacts } from "../queue-facts";
import { StatusBadge } from "../status-badge";
import { ShortId } from "../tasks/short-id";
import { TaskActions } from "../tasks/task-actions";
import { taskCommands } from "../tasks/task-commands";
import { OutputCard } from "./output-card";
import { TaskLogs } from "./task-logs";
import { TaskParams } from "./task-params";
import { TaskTimeline } from "./task-timeline";
import { useFileFacts } from "./use-file-facts";

type Log = { at: string; level: "info" | "warn" | "error"; message: string };

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
    <h2 className="text-lg font-semibold">{title}</h2>
    {children}
  </section>
);

/** One task in full, refreshed while it is pending or running. */
export function TaskDetail({ initialTask }: { initialTask: TaskView }) {
  const t = useTranslations("taskDetail");
  const tType = useTranslations("taskType");
  const tStatus = useTranslations("taskStatus");
  const tCommon = useTranslations("common");
  const tTasks = useTranslations("tasks");
  const tNav = useTranslations("nav");
  const router = useRouter();
  const facts = useFileFacts();
  const [task, setTask] = useState(initialTask);
  const [logs, setLogs] = useState<Log[] | null>(null);

  const load = useCallback(async () => {
    const [next, nextLogs] = await Promise.all([
      apiFetch(`/api/tasks/${initialTask.id}`, taskAnswerSchema),
      apiFetch(`/api/tasks/${initialTask.id}/logs`, logsAnswerSchema),
    ]);
    setTask(next.task);
    setLogs(nextLogs.logs);
  }, [initialTask.id]);
  // Live updates say when something changed; polling is the fallback while the stream is down.
  const live = useTaskEvents(
    useCallback(
      (changed: TaskView | null) => {
        if (changed === null || changed.id === initialTask.id) void load().catch(() => undefined);
      },
      [initialTask.id, load],
    ),
  );
  usePolling(load, isActiveStatus(task.status), live ? LIVE_POLL_MS : undefined);
  const report = useReportTasks();
  useEffect(() => report([task]), [task, report]);

  const run = async (action: () => Promise<unknown>, done: string, then?: () => void) => {
    try {
      await action();
      toast.success(done);
      if (then) return then();
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : tCommon("loadError"));
    }
    await load().catch(() => undefined);
  };

  return (
    <div className="flex flex-col gap-5">
      <Breadcrumbs trail={[{ href: "/tasks", label: tNav("myTasks") }]} current={t("title", { type: tType(task.type) })} />
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title", { type: tType(task.type) })}</h1>
        <StatusBadge status={task.status} />
        <ShortId shortId={task.shortId} />
      </header>
      <TaskActions
        task={task}
        onCancel={() => run(() => taskCommands.cancel(task.id), tTasks("cancelled"))}
        onRetry={() => run(() => taskCommands.retry(task.id), tTasks("retried"))}
        onDelete={() => {
          if (window.confirm(tTasks("confirmDelete"))) void run(() => taskCommands.remove(task.id), tTasks("deleted"), () => router.push("/tasks"));
        }}
      />
      <Section title={t("progress")}>
        <ProgressBar value={task.progress} label={t("progress")} />
        <p aria-live="polite" className="text-sm text-slate-600">
          {tStatus(task.status)} · {task.progress}%{isActiveStatus(task.status) && task.message ? ` · ${task.message}` : ""}
        </p>
        <QueueFacts task={task} />
        {task.error && (
          <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
            <p className="font-semibold">{t("error")}</p>
            <p>{task.error.message}</p>
          </div>
        )}
      </Section>
      <Section title={t("outputs")}>
        {task.outputs.length ? (
          <ul className="flex flex-col gap-3">
            {task.outputs.map((file) => (
              <OutputCard key={file.id} file={file} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("noOutputs")}</p>
        )}
      </Section>
      <div className="grid gap-5 md:grid-cols-2">
        <Section title={t("inputs")}>
          <ol className="flex flex-col gap-2">
            {task.inputs.map((file) => (
              <li key={file.id} className="flex items-center gap-3">
                <FilePreview file={file} />
                <div className="min-w-0">
                  <p className="truncate font-medium">{file.name}</p>
                  <p className="text-sm text-slate-500">{facts(file)}</p>
                </div>
              </li>
            ))}
          </ol>
        </Section>
        <Section title={t("timeline")}>
          <TaskTimeline task={task} />
        </Section>
      </div>
      <Section title={t("params")}>
        <TaskParams task={task} />
      </Section>
      <Section title={t("logs")}>{logs ? <TaskLogs logs={logs} /> : <p className="text-sm text-slate-500">{tCommon("loading")}</p>}</Section>
    </div>
  );
}
