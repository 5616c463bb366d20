/**
 * Money is integer minor units (fen for CNY) everywhere; floats only appear at the last step of formatting.
 */

// Fee columns are Prisma `Int` (PostgreSQL int4); rejecting larger amounts here gives a clear error instead of a DB one.
export const MAX_MINOR = 2_147_483_647;

export type FeeQuote = { baseMinor: number; surchargeMinor: number; totalMinor: number };
export type MoneyLocale = "zh" | "en";

function assertAmount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_MINOR) {
    throw new RangeError(
      `${name} must be an integer from 0 to ${MAX_MINOR} minor units, got ${String(value)}`,
    );
  }
}

export function quoteFee({
  baseFeeMinor,
  surchargeMinor,
}: {
  baseFeeMinor: number;
  surchargeMinor: number;
}): FeeQuote {
  assertAmount("baseFeeMinor", baseFeeMinor);
  assertAmount("surchargeMinor", surchargeMinor);
  const totalMinor = baseFeeMinor + surchargeMinor;
  assertAmount("totalMinor", totalMinor);
  return { baseMinor: baseFeeMinor, surchargeMinor, totalMinor };
}

const INTL_LOCALE: Record<MoneyLocale, string> = { zh: "zh-CN", en: "en-US" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: MoneyLocale): Intl.NumberFormat {
  const cacheKey = `${locale}:${currency}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    // Throws RangeError for a malformed currency code.
    formatter = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** 123450 CNY → "¥1,234.50" (zh) / "CN¥1,234.50" (en). The currency's own minor digits apply (JPY has none). */
export function formatMoney(minor: number, currency: string, locale: MoneyLocale): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`Amount must be an integer in minor units, got ${String(minor)}`);
  const formatter = formatterFor(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minor / 10 ** digits);
}
