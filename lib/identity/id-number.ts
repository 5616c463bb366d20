/**
 * Identity document numbers as applicants type them: normalization, validation, masking.
 * Pure, so the form gives instant feedback and the server re-checks with the same rules.
 * The keyed hash lives in id-number-hash.ts: it needs node:crypto and a server secret.
 */

export const ID_TYPES = ["CN_RESIDENT_ID", "PASSPORT"] as const;
export type IdType = (typeof ID_TYPES)[number];

export type IdNumberError = "idNumber.format" | "idNumber.checksum" | "idNumber.birthDate";
export type IdNumberValidation = { ok: true; normalized: string } | { ok: false; error: IdNumberError };

export function isIdType(value: unknown): value is IdType {
  return typeof value === "string" && (ID_TYPES as readonly string[]).includes(value);
}

/** Same rules for both types today; `type` stays in the signature so a type-specific rule can be added without touching callers. */
export function normalizeIdNumber(type: IdType, raw: string): string {
  // NFKC folds the full-width digits and letters a Chinese IME produces (１１０…ｘ) into ASCII.
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// GB 11643-1999 (ISO 7064 MOD 11-2): weight of each of the first 17 digits, and check character by sum % 11.
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CN_CHECK_CHARS = "10X98765432";
const CN_FORMAT = /^\d{17}[\dX]$/;
const PASSPORT_FORMAT = /^(?=.*\d)[A-Z\d]{5,17}$/;
const EARLIEST_BIRTH_YEAR = 1900;
// Mainland China has one fixed offset and no DST; a child born today there must not be "in the future" in UTC.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function cnCheckChar(digits17: string): string {
  const sum = CN_WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits17.charCodeAt(i) - 48), 0);
  return CN_CHECK_CHARS.charAt(sum % 11);
}

function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one, which takes care of leap years.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const todayInChina = new Date(now.getTime() + CHINA_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
    .replaceAll("-", "");
  return yyyymmdd <= todayInChina;
}

/**
 * The birth date is checked before the checksum because its error tells the applicant where to look;
 * any other single typo is caught by the checksum.
 */
export function validateIdNumber(
  type: IdType,
  raw: string,
  options: { now?: Date } = {},
): IdNumberValidation {
  const normalized = normalizeIdNumber(type, raw);
  switch (type) {
    case "CN_RESIDENT_ID":
      if (!CN_FORMAT.test(normalized)) return { ok: false, error: "idNumber.format" };
      if (!isPlausibleBirthDate(normalized.slice(6, 14), options.now ?? new Date())) {
        return { ok: false, error: "idNumber.birthDate" };
      }
      if (cnCheckChar(normalized) !== normalized.charAt(17)) return { ok: false, error: "idNumber.checksum" };
      return { ok: true, normalized };
    case "PASSPORT":
      // Foreign formats vary too much for a checksum (the MRZ check digit is not part of the printed number).
      return PASSPORT_FORMAT.test(normalized)
        ? { ok: true, normalized }
        : { ok: false, error: "idNumber.format" };
  }
}

const MASK_KEEP: Record<IdType, { head: number; tail: number }> = {
  CN_RESIDENT_ID: { head: 3, tail: 4 },
  PASSPORT: { head: 1, tail: 3 },
};

/** Same length as the input, so the masked form still looks like the document the applicant holds. */
export function maskIdNumber(type: IdType, normalized: string): string {
  const { head, tail } = MASK_KEEP[type];
  const chars = Array.from(normalized);
  // Too short to hide anything in the middle: hide it all rather than echo it back.
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
}

/** Appends the GB 11643 check character; for seed data and tests. */
export function makeCnResidentId(prefix17: string): string {
  if (!/^\d{17}$/.test(prefix17)) throw new RangeError("makeCnResidentId expects exactly 17 digits");
  return prefix17 + cnCheckChar(prefix17);
}
