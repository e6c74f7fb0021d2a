"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useRouter } from "@/i18n/navigation";

/** Accepts a 8-character code typed by hand and opens its link page, which asks before continuing. */
export function EnterCodeForm() {
  const t = useTranslations("transfer");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const compact = code.toUpperCase().replace(/[\s-]/g, "");
    if (!/^[0-9A-Z]{8}$/.test(compact)) {
      setInvalid(true);
      return;
    }
    router.push(`/link/${compact.slice(0, 4)}-${compact.slice(4)}`);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold">{t("enterTitle")}</h2>
      <p className="text-sm text-slate-600">{t("enterLead")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("enterLabel")}
          <input
            name="code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setInvalid(false);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            placeholder="XXXX-XXXX"
            aria-invalid={invalid}
            aria-describedby={invalid ? "code-error" : undefined}
            className="w-44 rounded-md border border-slate-300 px-3 py-2 font-mono uppercase tracking-widest"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("enterSubmit")}
        </button>
      </div>
      {invalid && (
        <p id="code-error" role="alert" className="text-sm text-red-700">
          {t("invalidCode")}
        </p>
      )}
    </form>
  );
}
