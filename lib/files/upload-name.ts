const MAX_NAME_LENGTH = 255;

/** The name to show for an uploaded file: the client's file name without any folder part or control characters. */
export function uploadName(filename: string | undefined): string {
  const base = (filename ?? "").normalize("NFC").split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(clean || "file").slice(0, MAX_NAME_LENGTH).join("");
}
