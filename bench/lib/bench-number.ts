/**
 * Valid application numbers for bench case i, computed the same way in TypeScript (for the cases a
 * scenario needs) and in SQL (for the bulk insert), so the two always agree.
 *
 * Seven symbols spell a scrambled i (multiplying by an odd constant is a bijection mod 2^35, so
 * numbers are unique and do not look sequential); the last two make the MOD 37-2 check of
 * lib/applications/application-number.ts come out at 0. The check symbol may only be one of 32
 * values: when -R mod 37 is 32–36, the eighth symbol becomes 3 (weight 2), which moves the
 * check down by 6 into range.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SCRAMBLE = 2654435761n;
const MASK = (1n << 35n) - 1n;
// 2^(8-k) mod 37 for the first seven of the nine symbols.
const WEIGHTS = [34, 17, 27, 32, 16, 8, 4];

export function benchNumber(i: number): string {
  const x = (BigInt(i) * SCRAMBLE) & MASK;
  const digits = WEIGHTS.map((_, k) => Number((x >> BigInt(5 * (6 - k))) & 31n));
  const residue = digits.reduce((sum, digit, k) => sum + digit * WEIGHTS[k]!, 0) % 37;
  const check = (37 - residue) % 37;
  const [eighth, ninth] = check < 32 ? [0, check] : [3, check - 6];
  return `EX${[...digits, eighth, ninth].map((digit) => ALPHABET.charAt(digit)).join("")}`;
}

/** The same number as a SQL expression of the integer column `i` (a bigint-safe scalar subquery). */
export function benchNumberSql(i: string): string {
  const symbol = (digit: string) => `substr('${ALPHABET}', (${digit}) + 1, 1)`;
  const digit = (k: number) => `((n.x >> ${5 * (6 - k)}) & 31)::int`;
  const residue = WEIGHTS.map((weight, k) => `${digit(k)} * ${weight}`).join(" + ");
  const symbols = WEIGHTS.map((_, k) => symbol(digit(k))).join(" || ");
  return `(SELECT 'EX' || ${symbols}
                 || CASE WHEN n.c < 32 THEN '0' ELSE '3' END
                 || ${symbol("CASE WHEN n.c < 32 THEN n.c ELSE n.c - 6 END")}
            FROM (SELECT m.x, (37 - (${residue.replaceAll("n.x", "m.x")}) % 37) % 37 AS c
                    FROM (SELECT ((${i})::bigint * ${SCRAMBLE}) & ${MASK} AS x) m) n)`;
}

/** The passport number of bench case i: known to the benchmark, stored only as its HMAC. */
export function benchIdNumber(i: number): string {
  return `E${String(i).padStart(8, "0")}`;
}
