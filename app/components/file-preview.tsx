/* eslint-disable @next/next/no-img-element -- private files need the visitor's cookie, which the image optimizer would not send */
import { useTranslations } from "next-intl";
import type { FileView } from "@/lib/files/file-view";

type Props = { file: Pick<FileView, "id" | "kind" | "name" | "thumbnailUrl"> & { expiresAt?: string }; localUrl?: string; className?: string };

/** Whether the file is past its expiry: its bytes are gone or about to go, so it is neither shown nor offered for download. */
export function isExpired(file: { expiresAt?: string }, now: Date | number = Date.now()): boolean {
  return file.expiresAt !== undefined && Date.parse(file.expiresAt) <= Number(now);
}

/**
 * A small picture of a file: its server thumbnail when it exists, else the file itself (a local copy
 * while uploading, or the stored bytes) so there is always something to look at; a placeholder once
 * the file has expired, instead of a broken image.
 */
export function FilePreview({ file, localUrl, className = "h-16 w-24" }: Props) {
  const t = useTranslations("files");
  const frame = `${className} shrink-0 overflow-hidden rounded-md bg-slate-900 object-cover`;
  if (!localUrl && isExpired(file)) {
    return (
      <div role="img" aria-label={t("expired")} data-expired-preview className={`${className} flex shrink-0 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-100 px-2 text-center text-xs text-slate-500`}>
        {t("expiredShort")}
      </div>
    );
  }
  if (file.thumbnailUrl) return <img src={file.thumbnailUrl} alt="" className={frame} />;
  const source = localUrl ?? (file.id ? `/api/files/${file.id}/content` : undefined);
  if (!source) return <div aria-hidden className={frame} />;
  if (file.kind === "image") return <img src={source} alt="" className={frame} />;
  return <video src={`${source}#t=0.5`} muted playsInline preload="metadata" aria-hidden className={frame} />;
}
