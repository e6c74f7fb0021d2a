import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getConfig } from "@/lib/config";
import { formatBytes } from "@/lib/format/format-bytes";

type Props = { params: Promise<{ locale: string }> };

const features = ["watermark", "merge", "thumbnail"] as const;
const steps = [1, 2, 3] as const;

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations("home");
  const { maxUploadBytes, retentionHours } = getConfig().limits;
  const maxSize = formatBytes(maxUploadBytes, locale);

  return (
    <div className="flex flex-col gap-14">
      <section className="flex flex-col items-start gap-5 pt-4">
        <p className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-700">{t("eyebrow")}</p>
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("headline")}</h1>
        <p className="max-w-2xl text-lg text-slate-600">{t("lead")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/tasks/new" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">
            {t("start")}
          </Link>
          <Link href="/tasks" className="rounded-lg border border-slate-300 bg-white px-5 py-2.5 font-semibold text-slate-800 hover:bg-slate-100">
            {t("viewTasks")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="features" className="flex flex-col gap-5">
        <h2 id="features" className="text-2xl font-semibold">{t("featuresTitle")}</h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {features.map((feature) => (
            <li key={feature} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h3 className="mb-2 font-semibold text-brand-900">{t(`${feature}Title`)}</h3>
              <p className="text-sm leading-relaxed text-slate-600">{t(`${feature}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how" className="flex flex-col gap-5">
        <h2 id="how" className="text-2xl font-semibold">{t("howTitle")}</h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {steps.map((step) => (
            <li key={step} className="flex gap-3">
              <span aria-hidden className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-600 font-semibold text-white">
                {step}
              </span>
              <div>
                <h3 className="font-semibold">{t(`step${step}Title`)}</h3>
                <p className="text-sm text-slate-600">{t(`step${step}Body`, { maxSize, hours: retentionHours })}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="privacy" className="rounded-xl bg-brand-900 p-6 text-white">
        <h2 id="privacy" className="mb-2 text-xl font-semibold">{t("privacyTitle")}</h2>
        <p className="max-w-3xl text-brand-100">{t("privacyBody", { hours: retentionHours })}</p>
      </section>
    </div>
  );
}
