import { serverTranslator } from "@/lib/i18n/server-translator";
import { unsubscribeEmail } from "@/lib/email/unsubscribe-email";
import { apiRoute } from "@/lib/web/api-route";
import { refuseOtherMethods } from "@/lib/web/refuse-other-methods";

export const dynamic = "force-dynamic";

type Params = { token: string };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(lang: string, title: string, body: string): Response {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** The link a person opens asks first: mail scanners that follow links must not unsubscribe anyone. */
export const GET = apiRoute<Params>(async ({ locale }) => {
  const t = serverTranslator(locale);
  const form = `<p>${escapeHtml(t("email.unsubscribeQuestion"))}</p><form method="post"><button type="submit">${escapeHtml(t("email.unsubscribeButton"))}</button></form>`;
  return page(locale, t("email.unsubscribeTitle"), form);
});

/** One-click unsubscribe (RFC 8058): mail clients POST here without a cookie; the page's form does too. */
export const POST = apiRoute<Params>(async ({ params, locale }) => {
  await unsubscribeEmail({ token: params.token });
  const t = serverTranslator(locale);
  return page(locale, t("email.unsubscribeTitle"), `<p>${escapeHtml(t("email.unsubscribeDone"))}</p>`);
});

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });
