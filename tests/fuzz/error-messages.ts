import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Locale = "en" | "zh";

type Templates = Record<string, string>;

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

function templates(locale: Locale): Templates {
  const path = join(import.meta.dirname, "..", "..", "messages", `${locale}.json`);
  return (JSON.parse(readFileSync(path, "utf8")) as { errors: Templates }).errors;
}

/** Whether `message` is the `code` error text of `locale` (placeholders such as {maxSize} match anything). */
export function messageMatcher(): (locale: Locale, code: string, message: string) => boolean {
  const byLocale = { en: templates("en"), zh: templates("zh") };
  return (locale, code, message) => {
    const template = byLocale[locale][code];
    if (!template) return false;
    const pattern = new RegExp(`^${escape(template).replace(/\\?\{[^}]*\\?\}/g, ".+")}$`, "s");
    return pattern.test(message);
  };
}

/** Chinese text: at least one CJK ideograph, and not the English message. */
export function looksChinese(message: string, englishTemplate?: string): boolean {
  return /[\u3400-\u9fff]/.test(message) && message !== englishTemplate;
}

export function englishTemplate(code: string): string | undefined {
  return templates("en")[code];
}
