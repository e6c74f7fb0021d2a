import { createTranslator, hasLocale } from "next-intl";
import { routing, type Locale } from "../../i18n/routing";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

const messages = { en, zh };

/** The locale a stored visitor language stands for (the default for anything else). */
export const storedLocale = (value: string): Locale => (hasLocale(routing.locales, value) ? value : routing.defaultLocale);

const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

const makeTranslator = (locale: Locale) => createTranslator({ locale, messages: messages[locale] });

/**
 * All of the product's messages in `locale`, for code that runs outside a page (mails, pushes, webhook
 * payloads); one translator per language, made on first use.
 */
export function serverTranslator(locale: Locale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = makeTranslator(locale)));
  return translator;
}
