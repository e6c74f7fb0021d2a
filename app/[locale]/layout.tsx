import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { routing, segmentLocale } from "@/i18n/routing";
import { SiteFooter } from "../components/site-footer";
import { SiteHeader } from "../components/site-header";
import { TaskEventsProvider } from "../components/task-events-provider";
import { UploadsProvider } from "../components/uploads-provider";
import { Toaster } from "../components/toaster";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: segmentLocale(locale), namespace: "meta" });
  return { title: { default: t("title"), template: `%s · ${t("siteName")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = await getTranslations({ locale, namespace: "nav" });

  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <TaskEventsProvider>
            <UploadsProvider>
              <SiteHeader />
              <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
                {children}
              </main>
              <SiteFooter />
              <Toaster />
            </UploadsProvider>
          </TaskEventsProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
