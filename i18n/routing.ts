import { hasLocale } from "next-intl";
import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "zh"],
  defaultLocale: "en",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];

/** A page's `[locale]` segment as a Locale: the layout answers 404 for any other, so the fallback only settles the type. */
export const segmentLocale = (segment: string): Locale => (hasLocale(routing.locales, segment) ? segment : routing.defaultLocale);
