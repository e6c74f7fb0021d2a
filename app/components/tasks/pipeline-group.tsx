"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { TaskView } from "@/lib/tasks/task-view";
import { ProgressBar } from "../progress-bar";

/** One pipeline in My tasks: its steps together, in order, under one overall progress (each step an equal share). */
export function PipelineGroup({ steps, children }: { steps: TaskView[]; children: ReactNode }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  const overall = steps.reduce((sum, step) => sum + (step.status === "completed" ? 100 : step.progress), 0) / steps.length;
  return (
    <li data-pipeline-id={steps[0]?.pipelineId} className="flex flex-col gap-3 rounded-xl border border-brand-200 bg-brand-50/40 p-3">
      <div className="flex flex-col gap-1 px-1">
        <h2 className="text-sm font-semibold text-brand-900">{t("pipeline", { count: steps.length })}</h2>
        <div className="flex items-center gap-2">
          <ProgressBar value={overall} label={t("pipelineProgress")} />
          <span className="w-10 shrink-0 text-right text-xs tabular-nums text-slate-600">{format.number(Math.round(overall) / 100, { style: "percent" })}</span>
        </div>
      </div>
      <ul className="flex flex-col gap-3">{children}</ul>
    </li>
  );
}

/** The page's tasks with each pipeline's steps gathered (in step order) where its first listed step is. */
export function groupPipelines(tasks: TaskView[]): TaskView[][] {
  const groups = new Map<string, TaskView[]>();
  for (const task of tasks) {
    const key = task.pipelineId ?? task.id;
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => (a.step ?? 0) - (b.step ?? 0)));
}
