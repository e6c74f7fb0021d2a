"use client";

import { useTranslations } from "next-intl";
import { taskStatuses, taskTypes, type TaskStatus, type TaskType } from "../../client/types";

export type Filters = { status: TaskStatus | ""; type: TaskType | "" };

/** Narrow My tasks by status and by type. */
export function TaskFilters({ value, onChange }: { value: Filters; onChange: (filters: Filters) => void }) {
  const t = useTranslations("tasks");
  const tStatus = useTranslations("taskStatus");
  const tType = useTranslations("taskType");
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="flex flex-wrap gap-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        {t("filterStatus")}
        <select name="status" value={value.status} onChange={(event) => onChange({ ...value, status: event.target.value as Filters["status"] })} className={select}>
          <option value="">{t("all")}</option>
          {taskStatuses.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        {t("filterType")}
        <select name="type" value={value.type} onChange={(event) => onChange({ ...value, type: event.target.value as Filters["type"] })} className={select}>
          <option value="">{t("all")}</option>
          {taskTypes.map((type) => (
            <option key={type} value={type}>
              {tType(type)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
