"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { Link, useRouter } from "@/i18n/navigation";
import { apiFetch, ApiError } from "../../client/api-fetch";
import { ActionButton } from "./action-button";

/** The answer of POST /api/transfers/redeem. */
const redeemAnswerSchema = z.object({ me: z.object({ id: z.string() }) });

/**
 * The link page's question: nothing is redeemed until the visitor presses Continue, so link previewers
 * and prefetchers that open the URL change nothing.
 */
export function ConfirmLink({ code }: { code: string }) {
  const t = useTranslations("transfer");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const redeem = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch("/api/transfers/redeem", redeemAnswerSchema, { method: "POST", json: { code } });
      toast.success(t("linked"));
      router.replace("/tasks");
      router.refresh();
    } catch (caught) {
      // An unknown, used or expired code: say what codes are, beside the server's message.
      const hint = caught instanceof ApiError && caught.status === 404 ? ` ${t("codeHint")}` : "";
      setError(caught instanceof ApiError ? `${caught.message}${hint}` : t("networkError"));
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <ActionButton onClick={redeem} busy={busy}>
          {t("linkContinue")}
        </ActionButton>
        <Link href="/tasks" className="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
          {t("linkCancel")}
        </Link>
      </div>
    </div>
  );
}
