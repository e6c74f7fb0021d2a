"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { toast } from "sonner";
import { Link, usePathname } from "@/i18n/navigation";
import { isUnfinished } from "./new-task/check-task-form";
import { UploadsContext, useUploadState, type Uploads } from "./new-task/use-uploads";

const TOAST_ID = "uploads";

/**
 * While the visitor is away from New task, one toast follows their uploads: how far they are, and
 * when they are done, with the way back to the page that holds them.
 */
function useUploadToast({ items }: Uploads) {
  const t = useTranslations("newTask");
  const onNewTask = usePathname() === "/tasks/new";
  const unfinished = items.filter(isUnfinished);
  const total = unfinished.reduce((sum, item) => sum + item.size, 0);
  const percent = total === 0 ? 100 : Math.floor(unfinished.reduce((sum, item) => sum + (item.progress / 100) * item.size, 0) / total * 100);
  const done = items.length > 0 && unfinished.length === 0;
  // "Done" is said only of uploads that were still going while the visitor was away.
  const following = useRef(false);
  useEffect(() => {
    if (onNewTask || items.length === 0 || (done && !following.current)) {
      following.current = false;
      return void toast.dismiss(TOAST_ID);
    }
    const back = <Link href="/tasks/new" className="underline">{t("backToNewTask")}</Link>;
    following.current = !done;
    if (done) toast.success(t("uploadsDoneToast"), { id: TOAST_ID, description: back, duration: 10_000 });
    else toast.loading(t("uploadingToast", { count: unfinished.length, percent }), { id: TOAST_ID, description: back, duration: Infinity });
  }, [onNewTask, items.length, unfinished.length, percent, done, t]);
}

/** The visitor's uploads for every page of the app: they go on when the visitor opens another page. */
export function UploadsProvider({ children }: { children: ReactNode }) {
  const uploads = useUploadState();
  useUploadToast(uploads);
  return <UploadsContext value={uploads}>{children}</UploadsContext>;
}
