"use client";

import { useTranslations } from "next-intl";
import type { TaskType } from "@/lib/tasks/task-view";

/** The steps that may follow the chosen job (each reads the previous step's video). */
export type FollowUps = { watermark: boolean; thumbnail: boolean };

export const noFollowUps: FollowUps = { watermark: false, thumbnail: false };

const offered = (type: TaskType): (keyof FollowUps)[] => (type === "merge" ? ["watermark", "thumbnail"] : type === "watermark" ? ["thumbnail"] : []);

/**
 * The POST /api/pipelines body for a task body and the follow-ups ticked, or null when none is (a plain
 * task). A watermark step after a merge removes what the analysis of the merged video finds.
 */
export function pipelineBody(type: TaskType, taskBody: unknown, followUps: FollowUps): unknown {
  const later = offered(type).filter((step) => followUps[step]);
  if (later.length === 0) return null;
  const { inputs, params } = taskBody as { inputs: string[]; params?: unknown };
  const steps = later.map((step) => (step === "watermark" ? { type: step, params: { regions: "auto" } } : { type: step }));
  return { inputs, steps: [{ type, params }, ...steps] };
}

/** "Then…" checkboxes for the jobs whose result another job can take. */
export function PipelineOptions({ type, value, onChange }: { type: TaskType; value: FollowUps; onChange: (next: FollowUps) => void }) {
  const t = useTranslations("newTask");
  const steps = offered(type);
  if (steps.length === 0) return null;
  const label = { watermark: t("thenWatermark"), thumbnail: t("thenThumbnail") };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-lg font-semibold">{t("thenLegend")}</legend>
      {steps.map((step) => (
        <label key={step} className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name={`then-${step}`} checked={value[step]} onChange={(event) => onChange({ ...value, [step]: event.target.checked })} />
          {label[step]}
        </label>
      ))}
    </fieldset>
  );
}
