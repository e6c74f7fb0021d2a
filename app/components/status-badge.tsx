import { useTranslations } from "next-intl";
import type { TaskStatus } from "@/lib/tasks/task-view";

const colours: Record<TaskStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  running: "bg-brand-50 text-brand-700 ring-brand-100",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations("taskStatus");
  return (
    <span data-status={status} className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${colours[status]}`}>
      {t(status)}
    </span>
  );
}
