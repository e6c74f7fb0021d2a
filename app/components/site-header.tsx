import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tMeta = await getTranslations("meta");
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("home")} className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="mr-auto text-lg font-semibold tracking-tight text-brand-900">
          {tMeta("siteName")}
        </Link>
        <NavLink href="/tasks/new">{t("newTask")}</NavLink>
        <NavLink href="/tasks">{t("myTasks")}</NavLink>
        <NavLink href="/files">{t("myFiles")}</NavLink>
        <NavLink href="/transfer">{t("otherDevice")}</NavLink>
        <LanguageSwitcher label={t("language")} />
      </nav>
    </header>
  );
}
