import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { segmentLocale } from "@/i18n/routing";
import { AdmissionNotice } from "../../../components/admission-notice";
import { TaskDetail } from "../../../components/task-detail/task-detail";
import { taskViewSchema } from "@/lib/tasks/task-view";
import { readVisitorTask } from "./read-visitor-task";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, ...segments } = await params;
  const locale = segmentLocale(segments.locale);
  const task = await readVisitorTask(id);
  if (!task) return { title: (await getTranslations({ locale, namespace: "notFound" }))("title") };
  const tType = await getTranslations({ locale, namespace: "taskType" });
  const t = await getTranslations({ locale, namespace: "taskDetail" });
  return { title: t("title", { type: tType(task.type) }) };
}

export default async function TaskPage({ params }: Props) {
  const { id, locale } = await params;
  const task = await readVisitorTask(id);
  if (!task) notFound();
  const notice = task.status === "pending" ? <AdmissionNotice locale={segmentLocale(locale)} /> : null;
  return (
    <>
      {notice}
      <TaskDetail initialTask={taskViewSchema.parse(task)} />
    </>
  );
}
