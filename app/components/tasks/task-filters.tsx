"use client";

import { useTranslations } from "next-intl";
import { taskStatuses } from "@/lib/tasks/task-states";
import { taskTypes, type TaskStatus, type TaskType } from "@/lib/tasks/task-view";

/** What My tasks shows: a status, a type and search text ("" for any). */
export type Filters = { status: TaskStatus | ""; type: TaskType | ""; q: string };

type SelectProps<Value extends string> = {
  label: string;
  name: string;
  value: Value | "";
  options: readonly { value: Value; label: string }[];
  allLabel: string;
  onChange: (value: Value | "") => void;
};

/** A labelled select of one filter, with "all" first. */
export function FilterSelect<Value extends string>({ label, name, value, options, allLabel, onChange }: SelectProps<Value>) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value as Value | "")} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Narrow My tasks by status and by type. */
export function TaskFilters({ value, onChange }: { value: Filters; onChange: (filters: Filters) => void }) {
  const t = useTranslations("tasks");
  const tStatus = useTranslations("taskStatus");
  const tType = useTranslations("taskType");
  return (
    <div className="flex flex-wrap gap-3">
      <FilterSelect
        label={t("filterStatus")}
        name="status"
        value={value.status}
        allLabel={t("all")}
        options={taskStatuses.map((status) => ({ value: status, label: tStatus(status) }))}
        onChange={(status) => onChange({ ...value, status })}
      />
      <FilterSelect
        label={t("filterType")}
        name="type"
        value={value.type}
        allLabel={t("all")}
        options={taskTypes.map((type) => ({ value: type, label: tType(type) }))}
        onChange={(type) => onChange({ ...value, type })}
      />
    </div>
  );
}
