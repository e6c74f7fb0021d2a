"use client";

import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { apiFetch, ApiError } from "../../client/api-fetch";
import { ensureVisitor } from "../../client/ensure-visitor";
import { ActionButton } from "./action-button";

/** The answer of POST /api/transfers. */
const transferSchema = z.object({ code: z.string(), url: z.string(), expiresAt: z.string() });
type TransferView = z.infer<typeof transferSchema>;

const MINUTE_MS = 60_000;

/** Whole minutes left until `expiresAt` (rounded up), ticking every few seconds; null once expired. */
function useMinutesLeft(expiresAt: string | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // from when the code arrived, not from when the page opened
    const timer = setInterval(tick, 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [expiresAt]);
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? Math.ceil(left / MINUTE_MS) : null;
}

/** Makes a one-time code for another device and shows it with its QR code and link. */
export function TransferPanel() {
  const t = useTranslations("transfer");
  const [transfer, setTransfer] = useState<TransferView>();
  const [qrSvg, setQrSvg] = useState<string>();
  const [busy, setBusy] = useState(false);
  const minutesLeft = useMinutesLeft(transfer?.expiresAt);
  const expired = transfer !== undefined && minutesLeft === null;

  const create = async () => {
    setBusy(true);
    try {
      await ensureVisitor();
      const made = await apiFetch("/api/transfers", transferSchema, { method: "POST" });
      setQrSvg(await QRCode.toString(made.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
      setTransfer(made);
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : t("networkError"));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!transfer) return;
    await navigator.clipboard.writeText(transfer.url).then(() => toast.success(t("copied")), () => {});
  };

  return (
    <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      {transfer && !expired ? (
        <div className="flex flex-col items-start gap-4 sm:flex-row">
          <div
            role="img"
            aria-label={t("qrLabel", { url: transfer.url })}
            data-testid="transfer-qr"
            className="h-48 w-48 shrink-0 rounded-lg border border-slate-200 bg-white p-1"
            dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }}
          />
          <div className="flex min-w-0 flex-col gap-2">
            <p className="text-sm font-medium text-slate-600">{t("codeLabel")}</p>
            <p data-testid="transfer-code" className="font-mono text-4xl font-bold tracking-widest text-brand-900">
              {transfer.code}
            </p>
            <p className="text-sm text-slate-600">{t("validFor", { minutes: minutesLeft ?? 1 })}</p>
            <p className="text-sm text-slate-600">{t("scan")}</p>
            <a href={transfer.url} data-testid="transfer-url" className="break-all text-sm text-brand-700 underline">
              {transfer.url}
            </a>
            <div className="flex flex-wrap gap-2">
              <button type="button" onClick={copy} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
                {t("copy")}
              </button>
              <button type="button" onClick={create} disabled={busy} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
                {t("createAgain")}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="flex flex-col items-start gap-3">
          {expired && <p className="text-sm text-amber-700">{t("expired")}</p>}
          <ActionButton onClick={create} busy={busy}>
            {t("create")}
          </ActionButton>
        </div>
      )}
    </section>
  );
}
