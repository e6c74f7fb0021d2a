import { consumeRateLimit, DAY_SECONDS } from "../abuse/rate-limits";
import type { Locale } from "../../i18n/routing";
import { emailSettings } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors";
import { emailCodeHash, newEmailCode, sha256 } from "./email-secrets";
import { serverTranslator } from "../i18n/server-translator";
import { sendEmail } from "./send-email";

/** How long a mailed code can be entered. */
export const EMAIL_CODE_MINUTES = 15;

const limits = { perVisitorPerHour: 5, perAddressPerDay: 3 };

export type RequestEmailCode = {
  visitorId: string;
  address: string;
  /** The language the code mail (and later task mails) are written in. */
  locale: Locale;
  /** The site address the visitor uses: links in task mails point there. */
  origin: string;
};

/**
 * Sets the visitor's address (unconfirmed, notify off) and mails it a 6-digit code in the visitor's
 * language. Limits per visitor and per address keep the form from being used to mail strangers: 429
 * rate_limited past 5 requests per visitor per hour or 3 codes per address per day.
 */
export async function requestEmailCode({ visitorId, address, locale, origin }: RequestEmailCode): Promise<void> {
  if (!emailSettings()) throw new AppError("not_found");
  await consumeRateLimit({ key: `email-code:${visitorId}`, limit: limits.perVisitorPerHour });
  await consumeRateLimit({ key: `email-address:${sha256(address.toLowerCase())}`, limit: limits.perAddressPerDay, windowSeconds: DAY_SECONDS });
  const code = newEmailCode();
  const pending = {
    address,
    locale,
    origin,
    confirmed: false,
    notify: false,
    codeHash: emailCodeHash(visitorId, code),
    codeExpiresAt: new Date(Date.now() + EMAIL_CODE_MINUTES * 60_000),
    codeWrongTries: 0,
  };
  await getDb().visitorEmail.upsert({ where: { visitorId }, create: { visitorId, ...pending }, update: pending });
  const t = serverTranslator(locale);
  await sendEmail({
    to: address,
    subject: t("email.codeSubject", { code }),
    text: t("email.codeBody", { code, minutes: EMAIL_CODE_MINUTES }),
  }).catch((error: unknown) => {
    console.error("Sending an email code failed:", error instanceof Error ? error.message : error);
    throw new AppError("unavailable");
  });
}
