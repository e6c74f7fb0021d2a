"use client";

import { useTranslations } from "next-intl";
import { useNotificationPermission } from "../../client/finish-notifications";

/** Offers notifications for tasks that finish while the tab is hidden; asks the browser only on click. */
export function NotifyButton() {
  const t = useTranslations("tasks");
  const { permission, request } = useNotificationPermission();
  if (permission === "unsupported") return null;
  if (permission === "granted") return <p className="text-sm text-slate-600">{t("notifyOn")}</p>;
  if (permission === "denied") return <p className="text-sm text-slate-500">{t("notifyBlocked")}</p>;
  return (
    <button type="button" onClick={() => void request()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
      {t("notifyOffer")}
    </button>
  );
}
