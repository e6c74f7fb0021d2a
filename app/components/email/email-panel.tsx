"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { z } from "zod";
import { emailViewSchema, type EmailView } from "@/lib/email/email-view";
import { ApiError, apiFetch } from "../../client/api-fetch";

const meSchema = z.object({ email: emailViewSchema });
const answerSchema = z.object({ me: meSchema });

const inputClass = "w-full min-w-0 rounded-lg border border-slate-300 px-3 py-2 sm:w-72";
const primaryClass = "rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
const secondaryClass = "rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60";

/**
 * "Email me when a task finishes": the visitor gives an address, types the 6-digit code mailed to it,
 * then turns the mails on or off, or removes the address. Shown only when the server sends email.
 */
export function EmailPanel() {
  const t = useTranslations("email");
  const tCommon = useTranslations("common");
  const [email, setEmail] = useState<EmailView | undefined>(undefined);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    apiFetch("/api/me", meSchema).then((me) => setEmail(me.email), () => setProblem(tCommon("loadError")));
  }, [tCommon]);

  /** Runs `action` and shows the email it returns; a failure shows its message and puts back `before`. */
  const attempt = async (action: () => Promise<EmailView>, before?: EmailView) => {
    setBusy(true);
    setProblem(null);
    try {
      setEmail(await action());
      setChanging(false);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : tCommon("loadError"));
      if (before !== undefined) setEmail(before);
    } finally {
      setBusy(false);
    }
  };
  const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? "");
  const sendCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = field(event, "email");
    void attempt(async () => {
      await apiFetch("/api/me/email", z.null(), { method: "PUT", json: { email: address } });
      return (await apiFetch("/api/me", meSchema)).email;
    });
  };
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = field(event, "code");
    void attempt(async () => (await apiFetch("/api/me/email/confirm", answerSchema, { method: "POST", json: { code } })).me.email);
  };
  // The switch moves at once; the answer confirms it, or a failure moves it back.
  const setNotify = (notify: boolean) => {
    const before = email ?? null;
    setEmail(before && { ...before, notify });
    return attempt(async () => (await apiFetch("/api/me", answerSchema, { method: "PATCH", json: { emailOnFinish: notify } })).me.email, before);
  };
  const remove = () =>
    attempt(async () => {
      await apiFetch("/api/me/email", z.null(), { method: "DELETE" });
      return null;
    });

  if (email === undefined && !problem) return null;
  const step = !email || changing ? "address" : email.confirmed ? "confirmed" : "code";
  return (
    <section aria-labelledby="email-panel" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="email-panel">
      <h2 id="email-panel" className="text-lg font-semibold">{t("panelTitle")}</h2>
      <p className="text-slate-600">{t("panelIntro")}</p>
      {step === "address" && (
        <form onSubmit={sendCode} className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
            {t("addressLabel")}
            <input name="email" type="email" required autoComplete="email" maxLength={254} className={inputClass} />
          </label>
          <button type="submit" disabled={busy} className={primaryClass}>{t("sendCode")}</button>
        </form>
      )}
      {step === "code" && email && (
        <form onSubmit={confirm} className="flex flex-col gap-2">
          <p role="status" className="break-words text-slate-700">{t("codeSent", { address: email.address })}</p>
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
              {t("codeLabel")}
              <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required className={`${inputClass} tracking-widest`} />
            </label>
            <button type="submit" disabled={busy} className={primaryClass}>{t("confirm")}</button>
            <button type="button" disabled={busy} onClick={() => setChanging(true)} className={secondaryClass}>{t("changeAddress")}</button>
          </div>
        </form>
      )}
      {step === "confirmed" && email && (
        <div className="flex flex-col gap-3">
          <p className="break-words font-medium text-slate-800" data-testid="email-address">{email.address}</p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={email.notify} disabled={busy} onChange={(event) => void setNotify(event.target.checked)} className="size-4" />
            {t("notifyToggle")}
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={busy} onClick={() => setChanging(true)} className={secondaryClass}>{t("changeAddress")}</button>
            <button type="button" disabled={busy} onClick={() => void remove()} className={secondaryClass}>{t("remove")}</button>
          </div>
        </div>
      )}
      {problem && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">{problem}</p>}
    </section>
  );
}
