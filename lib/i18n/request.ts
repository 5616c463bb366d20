import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import {
  DEFAULT_TIME_ZONE,
  LOCALE_COOKIE,
  TIME_ZONE_COOKIE,
  isLocale,
  isTimeZone,
  localeFromAcceptLanguage,
} from "./config";
import { loadMessages } from "./messages";

// Locale comes from the switcher's cookie, else from the browser's Accept-Language.
// No locale in the URL: shared links (e.g. a tracking link) open in the reader's language.
export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get("accept-language"));
  const zone = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
    messages: await loadMessages(locale),
  };
});
