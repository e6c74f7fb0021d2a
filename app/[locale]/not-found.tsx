import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <section className="flex flex-col items-start gap-4 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <Link href="/" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </section>
  );
}
