/** RFC 5987 encoding: percent-encoded UTF-8 with only attr-chars left as they are. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Content-Disposition header (RFC 6266) that keeps any Unicode file name, with an ASCII fallback for old clients. */
export function contentDisposition(name: string, type: "attachment" | "inline" = "attachment"): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_").trim() || "download";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
