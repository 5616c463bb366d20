/**
 * Public application numbers.
 *
 * Canonical form (stored in Application.number, used in URLs): "EX" + 8 random symbols + 1 check symbol,
 * no separators, e.g. "EX01234567R". Display form (formatApplicationNumber): "EX-012-345-67R"; three groups
 * of three are easy to read on a phone and to dictate.
 *
 * Symbols are Crockford base32 (0-9, A-Z without I, L, O, U). Input is forgiving: case, spaces, dashes and
 * full-width characters are ignored, O reads as 0 and I/L as 1, and the "EX" prefix may be left out.
 *
 * 8 random symbols are 40 bits, so numbers are neither sequential nor guessable in bulk. Uniqueness comes from
 * the database constraint: on a (rare) collision the caller generates again.
 *
 * Check symbol: reading all 9 symbols as a number in radix 2 (Horner, as in ISO 7064 MOD 37-2) must give
 * 0 mod 37, i.e. symbol k from the right has weight 2^k. 37 is prime and 2 generates the nonzero residues
 * mod 37, so the 9 weights are distinct and nonzero: a substitution changes the sum by (a-b)·w and a
 * transposition by (a-b)·(w_i - w_j), neither of which can be 0 mod 37 as |a-b| < 32. Every single
 * substitution and every transposition (adjacent or not) is therefore detected. A residue needs 37 symbols
 * but only 32 are unambiguous, so instead of odd extras (Crockford's * ~ $ = U) we never issue a number whose
 * check value would be 32–36: those draws (5 in 37) are simply discarded.
 */

export const APPLICATION_NUMBER_PREFIX = "EX";
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BODY_LENGTH = 8;
const MODULUS = 37;
const RADIX = 2;
const CANONICAL = new RegExp(`^${APPLICATION_NUMBER_PREFIX}[${ALPHABET}]{${BODY_LENGTH + 1}}$`);
const CONFUSABLES: Record<string, string> = { O: "0", I: "1", L: "1" };
// Each draw is accepted with probability 32/37; failing this many times means the random source is broken.
const MAX_ATTEMPTS = 64;

export type ApplicationNumberError = "applicationNumber.format" | "applicationNumber.checkCharacter";
export type ApplicationNumberValidation =
  { ok: true; number: string } | { ok: false; error: ApplicationNumberError };

function residue(symbols: string): number {
  let acc = 0;
  for (const symbol of symbols) acc = (acc * RADIX + ALPHABET.indexOf(symbol)) % MODULUS;
  return acc;
}

function defaultRandom(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

export function generateApplicationNumber(random: (n: number) => Uint8Array = defaultRandom): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const bytes = random(BODY_LENGTH);
    if (bytes.length < BODY_LENGTH)
      throw new RangeError(`random(${BODY_LENGTH}) returned ${bytes.length} bytes`);
    // 256 is a multiple of 32, so keeping the low 5 bits is unbiased.
    const body = Array.from(bytes.subarray(0, BODY_LENGTH), (byte) => ALPHABET.charAt(byte & 31)).join("");
    const check = (MODULUS - ((residue(body) * RADIX) % MODULUS)) % MODULUS;
    if (check < ALPHABET.length) return APPLICATION_NUMBER_PREFIX + body + ALPHABET.charAt(check);
  }
  throw new Error(`No application number after ${MAX_ATTEMPTS} draws: the random source is not random`);
}

/** Best-effort canonical spelling of what a person typed; the result is not necessarily valid. */
export function normalizeApplicationNumber(raw: string): string {
  // NFKC folds full-width input from Chinese IMEs (ＥＸ－０１２) into ASCII; \p{Pd} covers every kind of dash.
  const compact = raw
    .normalize("NFKC")
    .replace(/[\s\p{Pd}_]+/gu, "")
    .toUpperCase();
  const bodyLength = BODY_LENGTH + 1;
  const hasPrefix =
    compact.length === APPLICATION_NUMBER_PREFIX.length + bodyLength &&
    compact.startsWith(APPLICATION_NUMBER_PREFIX);
  if (!hasPrefix && compact.length !== bodyLength) return compact;
  const body = (hasPrefix ? compact.slice(APPLICATION_NUMBER_PREFIX.length) : compact).replace(
    /[OIL]/g,
    (c) => CONFUSABLES[c] ?? c,
  );
  return APPLICATION_NUMBER_PREFIX + body;
}

export function validateApplicationNumber(raw: string): ApplicationNumberValidation {
  const number = normalizeApplicationNumber(raw);
  if (!CANONICAL.test(number)) return { ok: false, error: "applicationNumber.format" };
  if (residue(number.slice(APPLICATION_NUMBER_PREFIX.length)) !== 0) {
    return { ok: false, error: "applicationNumber.checkCharacter" };
  }
  return { ok: true, number };
}

/** "EX01234567R" → "EX-012-345-67R". Input that is not shaped like a number is returned unchanged, never thrown on. */
export function formatApplicationNumber(number: string): string {
  const normalized = normalizeApplicationNumber(number);
  if (!CANONICAL.test(normalized)) return number;
  const body = normalized.slice(APPLICATION_NUMBER_PREFIX.length);
  return [APPLICATION_NUMBER_PREFIX, body.slice(0, 3), body.slice(3, 6), body.slice(6)].join("-");
}
