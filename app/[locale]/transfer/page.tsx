import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/lib/web/title-metadata";
import { segmentLocale } from "@/i18n/routing";
import { Breadcrumbs } from "../../components/breadcrumbs";
import { DeleteMyData } from "../../components/forget-me/delete-my-data";
import { PageHeader } from "../../components/page-header";
import { EnterCodeForm } from "../../components/transfer/enter-code-form";
import { TransferPanel } from "../../components/transfer/transfer-panel";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata("transfer");

export default async function TransferPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "transfer" });
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs current={t("title")} />
      <PageHeader title={t("title")} lead={t("lead")} />
      <TransferPanel />
      <EnterCodeForm />
      <DeleteMyData />
    </div>
  );
}
