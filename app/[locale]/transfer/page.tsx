import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EnterCodeForm } from "../../components/transfer/enter-code-form";
import { TransferPanel } from "../../components/transfer/transfer-panel";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "transfer" });
  return { title: t("title") };
}

export default async function TransferPage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "transfer" });
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-slate-600">{t("lead")}</p>
      </header>
      <TransferPanel />
      <EnterCodeForm />
    </div>
  );
}
