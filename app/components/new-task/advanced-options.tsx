"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { apiFetch } from "../../client/api-fetch";

const meResponse = z.object({ webhookSecret: z.string() });

/** A value the visitor may want elsewhere, with a button that copies it. */
function CopyableValue({ label, value }: { label: string; value: string }) {
  const t = useTranslations("newTask");
  const copy = () => navigator.clipboard.writeText(value).then(() => toast.success(t("copied")), () => {});
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <div className="flex min-w-0 items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 text-xs" title={value}>{value}</code>
        <button type="button" onClick={copy} aria-label={t("copyLabel", { label })} className="shrink-0 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100">
          {t("copy")}
        </button>
      </div>
    </div>
  );
}

/**
 * "Advanced", folded away: a URL to notify when the task ends (a signed completion webhook, API.md
 * "Completion webhooks"), and for developers the secret that signs it, read from /api/me when opened.
 */
export function AdvancedOptions({ notifyUrl, onNotifyUrl, problem }: { notifyUrl: string; onNotifyUrl: (url: string) => void; problem: string | null }) {
  const t = useTranslations("newTask");
  const [secret, setSecret] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const open = (opened: boolean) => {
    if (opened && secret === null) apiFetch("/api/me", meResponse).then((me) => setSecret(me.webhookSecret), () => {});
  };
  // Opened before the page came alive (a quick click while it loads), the toggle was never seen: read it now.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => open(details.current?.open ?? false), []);
  return (
    <details ref={details} onToggle={(event) => open(event.currentTarget.open)} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">{t("advanced")}</summary>
      <div className="mt-3 flex flex-col gap-4">
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
          {t("notifyUrl")}
          <input
            type="url"
            name="notify-url"
            inputMode="url"
            placeholder="https://example.com/hooks/clipclean"
            value={notifyUrl}
            onChange={(event) => onNotifyUrl(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby="notify-url-hint"
            className={`w-full min-w-0 rounded-md border px-2 py-1.5 ${problem ? "border-red-500" : "border-slate-300"}`}
          />
          <span id="notify-url-hint" className={`font-normal ${problem ? "text-red-700" : "text-slate-600"}`}>{problem ?? t("notifyUrlHint")}</span>
        </label>
        <section aria-labelledby="developers-title" className="flex flex-col gap-2 border-t border-slate-200 pt-3">
          <h3 id="developers-title" className="text-sm font-semibold text-slate-800">{t("developers")}</h3>
          <p className="text-sm text-slate-600">{t("developersBody")}</p>
          {secret === null ? <p className="text-sm text-slate-500">…</p> : <CopyableValue label={t("webhookSecret")} value={secret} />}
          <CopyableValue label={t("signatureHeaders")} value="webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>" />
        </section>
      </div>
    </details>
  );
}
