import { getTranslations } from "next-intl/server";
import { segmentLocale } from "@/i18n/routing";
import { titleMetadata } from "@/lib/web/title-metadata";
import { FileList } from "../../components/files/file-list";
import { Breadcrumbs } from "../../components/breadcrumbs";
import { PageHeader } from "../../components/page-header";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("files");

export default async function FilesPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "files" });
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs current={t("title")} />
      <PageHeader title={t("title")} lead={t("lead")} />
      <FileList />
    </div>
  );
}
