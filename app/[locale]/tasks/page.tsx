import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getConfig } from "@/lib/config";
import { TaskList } from "../../components/tasks/task-list";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "tasks" });
  return { title: t("title") };
}

export default async function TasksPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "tasks" });
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
          <p className="text-slate-600">{t("lead", { hours: getConfig().limits.retentionHours })}</p>
        </div>
        <Link href="/tasks/new" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700">
          {t("newTask")}
        </Link>
      </header>
      <TaskList />
    </div>
  );
}
