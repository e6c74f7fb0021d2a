import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type LocaleParams = { params: Promise<{ locale: string }> };

/** A page's `generateMetadata`: its title is `<namespace>.title` in the page's language. */
export function titleMetadata(namespace: string): (props: LocaleParams) => Promise<Metadata> {
  return async ({ params }) => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: t("title") };
  };
}
