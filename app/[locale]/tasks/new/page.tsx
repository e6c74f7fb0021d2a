import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/lib/web/title-metadata";
import { segmentLocale } from "@/i18n/routing";
import { getConfig } from "@/lib/config";
import { formatBytes } from "@/lib/format/format-bytes";
import { Breadcrumbs } from "../../../components/breadcrumbs";
import { PageHeader } from "../../../components/page-header";
import { NewTaskForm } from "../../../components/new-task/new-task-form";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("newTask");

export default async function NewTaskPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "newTask" });
  const tNav = await getTranslations({ locale: segmentLocale(locale), namespace: "nav" });
  const maxSize = formatBytes(getConfig().limits.maxUploadBytes, locale);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs trail={[{ href: "/tasks", label: tNav("myTasks") }]} current={t("title")} />
      <PageHeader title={t("title")} lead={t("lead")} />
      <NewTaskForm limitsText={t("limits", { maxSize })} />
    </div>
  );
}
