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

// Formatting lives with the other formatters (one place for every page and message).
export { formatMoney } from "@/lib/i18n/format";
