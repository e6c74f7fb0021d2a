import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tMeta = await getTranslations("meta");
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("home")} className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="mr-auto text-lg font-semibold tracking-tight text-brand-900">
          {tMeta("siteName")}
        </Link>
        <Link href="/tasks/new" className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t("newTask")}
        </Link>
        <Link href="/tasks" className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t("myTasks")}
        </Link>
        <LanguageSwitcher label={t("language")} />
      </nav>
    </header>
  );
}
