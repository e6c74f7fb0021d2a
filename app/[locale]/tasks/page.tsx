import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/lib/web/title-metadata";
import { Link } from "@/i18n/navigation";
import { segmentLocale } from "@/i18n/routing";
import { emailSettings, getConfig } from "@/lib/config";
import { AdmissionNotice } from "../../components/admission-notice";
import { EmailPanel } from "../../components/email/email-panel";
import { PageHeader } from "../../components/page-header";
import { PushPanel } from "../../components/push/push-panel";
import { TaskList } from "../../components/tasks/task-list";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string | string[] }> };

export const generateMetadata = titleMetadata("tasks");

export default async function TasksPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { q } = await searchParams;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "tasks" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        lead={t("lead", { hours: getConfig().limits.retentionHours })}
        action={
          <Link href="/tasks/new" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700">
            {t("newTask")}
          </Link>
        }
      />
      <AdmissionNotice locale={segmentLocale(locale)} />
      <TaskList initialQuery={(typeof q === "string" ? q : "").trim()} />
      <div id="notifications" className="grid scroll-mt-4 items-start gap-6 lg:grid-cols-2">
        {emailSettings() && <EmailPanel />}
        <PushPanel />
      </div>
    </div>
  );
}
