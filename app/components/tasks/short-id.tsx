"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";

/** A task's short id, for reading out to support or searching My tasks, with a button that copies it. */
export function ShortId({ shortId }: { shortId: string }) {
  const t = useTranslations("tasks");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shortId);
      toast.success(t("shortIdCopied", { id: shortId }));
    } catch {
      toast.error(t("shortIdCopyFailed", { id: shortId }));
    }
  };
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
      <span>{t("shortId")}</span>
      <code data-short-id className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800 select-all">{shortId}</code>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={t("copyShortId", { id: shortId })}
        className="rounded px-1.5 py-0.5 font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {t("copy")}
      </button>
    </span>
  );
}
