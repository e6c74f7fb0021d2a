import type { Metadata } from "next";
import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import { segmentLocale } from "../../i18n/routing";

type LocaleParams = { params: Promise<{ locale: string }> };

/** The message namespaces that have a `title`: the pages'. */
type TitledNamespace = { [Name in keyof Messages]: Messages[Name] extends { title: string } ? Name : never }[keyof Messages];

/** A page's `generateMetadata`: its title is `<namespace>.title` in the page's language. */
export function titleMetadata(namespace: TitledNamespace): (props: LocaleParams) => Promise<Metadata> {
  return async ({ params }) => {
    const t = await getTranslations({ locale: segmentLocale((await params).locale), namespace });
    return { title: t("title") };
  };
}
