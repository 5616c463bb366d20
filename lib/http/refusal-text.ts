import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enEvidence from "@/lib/i18n/messages/en/evidence.json";
import zhErrors from "@/lib/i18n/messages/zh/errors.json";
import zhEvidence from "@/lib/i18n/messages/zh/evidence.json";
import { LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";

// Plain-text refusals sent before Next (and next-intl) see the request: the body-size limit in
// scripts/server.ts and the cross-site check in proxy.ts. Same texts and locale rule as the app.
const TEXTS = {
  en: { crossSiteRequest: enErrors.crossSiteRequest, tooLarge: enEvidence.tooLarge },
  zh: { crossSiteRequest: zhErrors.crossSiteRequest, tooLarge: zhEvidence.tooLarge },
} as const;

export type RefusalKey = keyof (typeof TEXTS)["en"];

/** The switcher's cookie first, then Accept-Language (as lib/i18n/request.ts decides). */
export function requestLocale(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  const chosen = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(acceptLanguage);
}

export function refusalText(key: RefusalKey, locale: Locale): string {
  return TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in LIMIT_MESSAGE_VALUES
      ? String(LIMIT_MESSAGE_VALUES[name as keyof typeof LIMIT_MESSAGE_VALUES])
      : whole,
  );
}
