"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { filePageSchema } from "@/lib/files/file-view";
import { ApiError, apiFetch } from "../../client/api-fetch";
import { useHydrated } from "../../client/use-hydrated";

/** The part of GET /api/me this panel reads: how many tasks the visitor has, per status. */
const countsSchema = z.object({ counts: z.record(z.string(), z.number()) });

type Holdings = { tasks: number; files: number };

/**
 * "Delete all my data": says what will go (how many tasks and files) and asks before it deletes the
 * visitor with DELETE /api/me. Afterwards this browser is a new, empty visitor.
 */
export function DeleteMyData() {
  const t = useTranslations("forget");
  const tCommon = useTranslations("common");
  const [holdings, setHoldings] = useState<Holdings | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const hydrated = useHydrated();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (holdings) confirmHeading.current?.focus();
  }, [holdings]);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : tCommon("loadError"));
    } finally {
      setBusy(false);
    }
  };
  const ask = () =>
    attempt(async () => {
      const [me, files] = await Promise.all([apiFetch("/api/me", countsSchema), apiFetch("/api/files?pageSize=1", filePageSchema)]);
      setHoldings({ tasks: Object.values(me.counts).reduce((sum, count) => sum + count, 0), files: files.total });
    });
  const forget = () =>
    attempt(async () => {
      await apiFetch("/api/me", z.null(), { method: "DELETE" });
      setHoldings(null);
      setDone(true);
    });

  return (
    <section aria-labelledby="delete-my-data" className="flex flex-col gap-3 rounded-xl border border-red-200 bg-white p-6 shadow-sm">
      <h2 id="delete-my-data" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-slate-600">{t("lead")}</p>
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">{t("done")}</p>
      ) : holdings ? (
        <div role="alertdialog" aria-labelledby="delete-my-data-confirm" aria-describedby="delete-my-data-what" className="flex flex-col gap-3 rounded-lg bg-red-50 p-4">
          <h3 id="delete-my-data-confirm" ref={confirmHeading} tabIndex={-1} className="font-semibold text-red-900">{t("confirmTitle")}</h3>
          <p id="delete-my-data-what" className="text-red-900">{t("confirmBody", holdings)}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => void forget()} disabled={busy} className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-red-800 disabled:opacity-60">
              {t("confirmAction")}
            </button>
            <button type="button" onClick={() => setHoldings(null)} disabled={busy} className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
              {t("keep")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void ask()} disabled={busy || !hydrated} className="self-start rounded-lg border border-red-300 bg-white px-4 py-2 font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60">
          {t("action")}
        </button>
      )}
    </section>
  );
}
