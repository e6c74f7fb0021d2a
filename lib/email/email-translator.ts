import { createTranslator } from "next-intl";
import { hasLocale } from "next-intl";
import { routing, type Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

const messages = { en, zh };

/** The locale a stored visitor language stands for (the default for anything else). */
export const storedLocale = (value: string): Locale => (hasLocale(routing.locales, value) ? value : routing.defaultLocale);

/** The messages of mails (and task types and statuses they name) in `locale`, for code that runs outside a page. */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
}
