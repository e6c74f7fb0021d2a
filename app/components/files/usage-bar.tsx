"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "@/lib/format/format-bytes";

/** How much of the storage quota the visitor's files take, as a bar and in words. */
export function UsageBar({ storedBytes, quotaBytes }: { storedBytes: number; quotaBytes: number }) {
  const t = useTranslations("files");
  const locale = useLocale();
  const share = quotaBytes > 0 ? Math.min(1, storedBytes / quotaBytes) : 0;
  const text = t("usage", { stored: formatBytes(storedBytes, locale), quota: formatBytes(quotaBytes, locale) });
  return (
    <div className="flex flex-col gap-1">
      <div role="meter" aria-label={t("usageLabel")} aria-valuemin={0} aria-valuemax={quotaBytes} aria-valuenow={storedBytes} aria-valuetext={text} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
        <div className={`h-full rounded-full ${share > 0.9 ? "bg-red-600" : "bg-brand-600"}`} style={{ width: `${Math.max(share * 100, storedBytes > 0 ? 1 : 0)}%` }} />
      </div>
      <p className="text-sm text-slate-600">{text}</p>
    </div>
  );
}
