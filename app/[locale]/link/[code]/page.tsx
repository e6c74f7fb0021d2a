import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { segmentLocale } from "@/i18n/routing";
import { ConfirmLink } from "../../../components/transfer/confirm-link";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "transfer" });
  return { title: t("linkTitle"), robots: { index: false, follow: false } };
}

/** Opened from another device's QR code or link; it only asks. Redeeming happens on Continue. */
export default async function LinkPage({ params }: Props) {
  const { locale, code } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "transfer" });
  const shown = decodeURIComponent(code).slice(0, 16);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold tracking-tight">{t("linkTitle")}</h1>
      <p className="text-slate-700">{t("linkLead", { code: shown })}</p>
      <p className="text-sm text-slate-600">{t("linkMove")}</p>
      <ConfirmLink code={shown} />
    </div>
  );
}
