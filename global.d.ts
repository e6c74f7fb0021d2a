import type { routing } from "./i18n/routing";
import type messages from "./messages/en.json";

// next-intl checks every message key and locale against these: a missing key or a stray locale is a
// type error, and getLocale()/useLocale() return the Locale union (zh.json mirrors en.json's keys,
// which tests/unit/messages.test.ts checks).
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
