import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

type Props = { trail?: readonly { href: string; label: string }[]; current: string };

/** Where a page sits: the home page, the pages above it, then the page itself. */
export function Breadcrumbs({ trail = [], current }: Props) {
  const t = useTranslations("nav");
  const links = [{ href: "/", label: t("home") }, ...trail];
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-slate-600">
        {links.map((link) => (
          <li key={link.href} className="flex items-center gap-1.5">
            <Link href={link.href} className="font-medium text-brand-700 hover:underline">
              {link.label}
            </Link>
            <span aria-hidden className="text-slate-400">/</span>
          </li>
        ))}
        <li aria-current="page" className="min-w-0 truncate text-slate-700">
          {current}
        </li>
      </ol>
    </nav>
  );
}
