import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { RequestIdProvider } from "@/components/ui/request-id";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { TimeZoneSync } from "@/components/layout/time-zone-sync";
import { assertDatabaseReachable } from "@/lib/health/data";
import { currentRequestId, withRequestReference } from "@/lib/observability/error-reference";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · ${t("brand")}` }, description: t("description") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // The browser's bar follows the page's theme (app/globals.css): brand blue by day, slate 900 at night.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#1d5fd1" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172b" },
  ],
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // With the database down, every page answers 500 with app/global-error.tsx (see the function).
  // At request time only: `next build` prerenders the not-found page without a database.
  await connection();
  const requestId = await currentRequestId();
  // The global error page then shows this request's id as its reference.
  await assertDatabaseReachable().catch((error: unknown) => {
    throw withRequestReference(error, requestId);
  });
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body className="flex min-h-dvh flex-col">
        <ClientMessages>
          <RequestIdProvider id={requestId}>
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
            >
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
              {children}
            </main>
            <SiteFooter />
            <TimeZoneSync />
          </RequestIdProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
