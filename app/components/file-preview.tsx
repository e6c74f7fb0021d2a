/* eslint-disable @next/next/no-img-element -- private files need the visitor's cookie, which the image optimizer would not send */
import type { FileView } from "@/lib/files/file-view";

type Props = { file: Pick<FileView, "id" | "kind" | "name" | "thumbnailUrl">; localUrl?: string; className?: string };

/**
 * A small picture of a file: its server thumbnail when it exists, else the file itself (a local copy
 * while uploading, or the stored bytes) so there is always something to look at.
 */
export function FilePreview({ file, localUrl, className = "h-16 w-24" }: Props) {
  const frame = `${className} shrink-0 overflow-hidden rounded-md bg-slate-900 object-cover`;
  if (file.thumbnailUrl) return <img src={file.thumbnailUrl} alt="" className={frame} />;
  const source = localUrl ?? (file.id ? `/api/files/${file.id}/content` : undefined);
  if (!source) return <div aria-hidden className={frame} />;
  if (file.kind === "image") return <img src={source} alt="" className={frame} />;
  return <video src={`${source}#t=0.5`} muted playsInline preload="metadata" aria-hidden className={frame} />;
}
