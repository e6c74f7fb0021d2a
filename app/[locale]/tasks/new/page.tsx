import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";
import { formatBytes } from "@/lib/format/format-bytes";
import { NewTaskForm } from "../../../components/new-task/new-task-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "newTask" });
  return { title: t("title") };
}

export default async function NewTaskPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "newTask" });
  const maxSize = formatBytes(getConfig().limits.maxUploadBytes, locale);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("lead")}</p>
      </header>
      <NewTaskForm limitsText={t("limits", { maxSize })} />
    </div>
  );
}
