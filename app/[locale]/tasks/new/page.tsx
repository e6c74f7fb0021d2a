import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/lib/web/title-metadata";
import { segmentLocale } from "@/i18n/routing";
import { getConfig } from "@/lib/config";
import { formatBytes } from "@/lib/format/format-bytes";
import { AdmissionNotice } from "../../../components/admission-notice";
import { Breadcrumbs } from "../../../components/breadcrumbs";
import { PageHeader } from "../../../components/page-header";
import { NewTaskForm } from "../../../components/new-task/new-task-form";
import { readChosenFile } from "./read-chosen-file";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ file?: string | string[] }> };

export const generateMetadata = titleMetadata("newTask");

export default async function NewTaskPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { file } = await searchParams;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "newTask" });
  const tNav = await getTranslations({ locale: segmentLocale(locale), namespace: "nav" });
  const maxSize = formatBytes(getConfig().limits.maxUploadBytes, locale);
  // "Use in a new task" on My files or a task's result opens this page with that file.
  const chosen = typeof file === "string" && file !== "" ? await readChosenFile(file) : null;
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs trail={[{ href: "/tasks", label: tNav("myTasks") }]} current={t("title")} />
      <PageHeader title={t("title")} lead={t("lead")} />
      <AdmissionNotice locale={segmentLocale(locale)} />
      {chosen && "refused" in chosen && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
          {t(chosen.refused)}
        </p>
      )}
      <NewTaskForm limitsText={t("limits", { maxSize })} startWith={chosen && "file" in chosen ? chosen.file : null} />
    </div>
  );
}
