import type { ByteRange } from "../storage/storage";

/**
 * The single byte range a Range header asks for within `size` bytes: undefined when the whole file should
 * be sent (no header, or one we do not serve, such as several ranges), null when it cannot be satisfied.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null | undefined {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (!first && !last) return undefined;
  if (!first) {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last ? Math.min(Number(last), size - 1) : size - 1;
  if (start >= size || (last && Number(last) < start)) return null;
  return { start, end };
}
