"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing, type Locale } from "@/i18n/routing";

const localeNames: Record<Locale, string> = { en: "English", zh: "中文" };

/** Links to the same page in every other language; next-intl remembers the choice in a cookie. */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <ul aria-label={label} className="flex items-center gap-1 text-sm">
      {routing.locales.map((candidate) => (
        <li key={candidate}>
          {candidate === locale ? (
            <span aria-current="true" className="rounded-md bg-slate-100 px-2 py-1 font-medium">
              {localeNames[candidate]}
            </span>
          ) : (
            <Link href={pathname} locale={candidate} lang={candidate} className="rounded-md px-2 py-1 text-brand-700 hover:bg-brand-50">
              {localeNames[candidate]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
