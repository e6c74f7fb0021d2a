import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { MyMenu } from "./my-menu";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tMeta = await getTranslations("meta");
  // The visitor's own pages; the notification settings sit on My tasks.
  const mine = [
    { href: "/tasks", label: t("myTasks") },
    { href: "/files", label: t("myFiles") },
    { href: "/transfer", label: t("otherDevice") },
    { href: "/tasks#notifications", label: t("notifications") },
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("home")} className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4 sm:px-6">
        <Link href="/" className="mr-auto text-lg font-semibold tracking-tight text-brand-900">
          {tMeta("siteName")}
        </Link>
        <NavLink href="/tasks/new">{t("newTask")}</NavLink>
        <MyMenu label={t("my")} items={mine} />
        <LanguageSwitcher label={t("language")} />
      </nav>
    </header>
  );
}
