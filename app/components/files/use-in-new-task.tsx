"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { FileView } from "@/lib/files/file-view";

/** Opens New task with this file (an upload or a result) already chosen as its input. */
export function UseInNewTask({ file }: { file: Pick<FileView, "id" | "name"> }) {
  const t = useTranslations("files");
  return (
    <Link href={{ pathname: "/tasks/new", query: { file: file.id } }} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
      {t("useInNewTask")}
      <span className="sr-only"> {file.name}</span>
    </Link>
  );
}
