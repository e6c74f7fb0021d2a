import { routing, type Locale } from "../../i18n/routing";
import { readCookie } from "./request-facts";

function supported(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return routing.locales.find((locale) => locale === primary);
}

function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((entry, index) => {
      const [tag, ...options] = entry.split(";");
      const quality = options.map((option) => option.trim()).find((option) => option.startsWith("q="));
      return { tag, quality: quality ? Number(quality.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = supported(entry.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The language for API messages: `?locale=`, then the NEXT_LOCALE cookie the pages set, then Accept-Language. */
export function requestLocale(request: Request): Locale {
  return (
    supported(new URL(request.url).searchParams.get("locale")) ??
    supported(readCookie(request.headers.get("cookie"), "NEXT_LOCALE")) ??
    fromAcceptLanguage(request.headers.get("accept-language")) ??
    routing.defaultLocale
  );
}
