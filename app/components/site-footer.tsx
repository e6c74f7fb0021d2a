import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const hours = getConfig().limits.retentionHours;
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-1 px-4 py-4 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
        <p>{t("retention", { hours })}</p>
        <p>{t("privacy")}</p>
      </div>
    </footer>
  );
}
