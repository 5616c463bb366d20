import { DEFAULT_TIME_ZONE, isLocale, type Locale } from "./config";

// The one place that turns dates, numbers and money into text (issue 15): every page, e-mail and
// export goes through these, so English reads as British English (5 Dec 2026, 14:30; "¥" for
// yuan) on every page, not as the US default of Intl's bare "en" (Dec 5, 2026, 2:30 PM; "CN¥").

/** The Intl locale behind each site language. */
export const INTL_LOCALE: Record<Locale, string> = { zh: "zh-CN", en: "en-GB" };

function intlLocaleOf(locale: string): string {
  return INTL_LOCALE[isLocale(locale) ? locale : "zh"];
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export type DateTimeOptions = Intl.DateTimeFormatOptions;

/** A date and/or time in the viewer's language and zone; 24-hour clock in both languages. */
export function formatDateTime(
  date: Date | number,
  locale: string,
  options: DateTimeOptions = { dateStyle: "medium", timeStyle: "short" },
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const resolved: DateTimeOptions = { timeZone, ...options };
  const showsTime = options.timeStyle !== undefined || options.hour !== undefined;
  if (showsTime && options.hour12 === undefined && options.hourCycle === undefined)
    resolved.hourCycle = "h23";
  const intl = intlLocaleOf(locale);
  return cached(
    `d:${intl}:${JSON.stringify(resolved)}`,
    () => new Intl.DateTimeFormat(intl, resolved),
  ).format(date);
}

/** A number in the viewer's language (grouping, decimals, percent, units). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const intl = intlLocaleOf(locale);
  return cached(`n:${intl}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(intl, options)).format(
    value,
  );
}

function moneyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const intl = intlLocaleOf(locale);
  // narrowSymbol: "¥" rather than "CN¥" in English; the page names the currency where it matters.
  // Throws RangeError for a malformed currency code.
  return cached(
    `m:${intl}:${currency}`,
    () => new Intl.NumberFormat(intl, { style: "currency", currency, currencyDisplay: "narrowSymbol" }),
  );
}

/** 123450 CNY → "¥1,234.50" in both languages. The currency's own minor digits apply (JPY has none). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`Amount must be an integer in minor units, got ${String(minor)}`);
  const formatter = moneyFormatter(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}

/** The formatters bound to one viewer: what pages and components use (getFormat, useFormat). */
export type Format = {
  locale: string;
  timeZone: string;
  dateTime(date: Date | number, options?: DateTimeOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  money(minor: number, currency: string): string;
};

export function createFormat(locale: string, timeZone: string = DEFAULT_TIME_ZONE): Format {
  return {
    locale,
    timeZone,
    dateTime: (date, options) => formatDateTime(date, locale, options, timeZone),
    number: (value, options) => formatNumber(value, locale, options),
    money: (minor, currency) => formatMoney(minor, currency, locale),
  };
}
