"use client";

import { useFormatter, useLocale } from "next-intl";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatDuration } from "../../client/format-duration";
import type { FileView } from "@/lib/files/file-view";

/** "1.2 MB · 320 × 240 · 2 sec" for a file, in the page's language. */
export function useFileFacts(): (file: Pick<FileView, "size" | "width" | "height" | "durationSec">) => string {
  const locale = useLocale();
  const format = useFormatter();
  return (file) =>
    [
      formatBytes(file.size, locale),
      `${format.number(file.width)} × ${format.number(file.height)}`,
      file.durationSec != null ? formatDuration(file.durationSec, locale) : null,
    ]
      .filter(Boolean)
      .join(" · ");
}
