"use client";

import { useTranslations } from "next-intl";

type Props = { page: number; pages: number; onPage: (page: number) => void };

export function Pagination({ page, pages, onPage }: Props) {
  const t = useTranslations("tasks");
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-40";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-center gap-3">
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </button>
      <span className="text-sm text-slate-600" aria-live="polite">
        {t("pageOf", { page, pages })}
      </span>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("next")}
      </button>
    </nav>
  );
}
