"use client";

import { useTranslations } from "next-intl";
import { taskTypes, type TaskType } from "@/lib/tasks/task-view";

/** The three jobs as large radio cards. */
export function TypePicker({ value, onChange }: { value: TaskType; onChange: (type: TaskType) => void }) {
  const t = useTranslations("newTask");
  const tType = useTranslations("taskType");
  return (
    <fieldset>
      <legend className="mb-3 text-lg font-semibold">{t("typeLegend")}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {taskTypes.map((type) => (
          <label
            key={type}
            className={`flex cursor-pointer flex-col gap-1 rounded-xl border bg-white p-4 shadow-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${value === type ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200 hover:border-slate-300"}`}
          >
            <span className="flex items-center gap-2 font-semibold text-brand-900">
              <input type="radio" name="type" value={type} checked={value === type} onChange={() => onChange(type)} className="accent-brand-600" />
              {tType(type)}
            </span>
            <span className="text-sm text-slate-600">{t(`typeHint.${type}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
