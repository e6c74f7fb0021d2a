import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { isAdmissionPaused } from "@/lib/tasks/is-admission-paused";

/** Says that operators have paused work for maintenance (no task starts meanwhile); nothing otherwise. */
export async function AdmissionNotice({ locale }: { locale: Locale }) {
  // Read on every request: the flag is the database's, changed by operators at any time.
  await connection();
  if (!(await isAdmissionPaused())) return null;
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <p role="status" data-testid="admission-paused" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {t("admissionPaused")}
    </p>
  );
}
