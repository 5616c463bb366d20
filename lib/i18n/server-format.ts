import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { createFormat, type Format } from "./format";

/** The viewer's formatters in a server component (in place of next-intl's getFormatter, see format.ts). */
export async function getFormat(): Promise<Format> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return createFormat(locale, timeZone);
}
