import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the admin reads it out or copies it by hand to the colleague.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A temporary password such as "k7pm-wq3x-9hd2-tnr4": 16 characters from 31 (about 79 bits), which
 * passes the length and guessability checks like any password (temporary-password.test.ts).
 */
export function generateTemporaryPassword(pick: (max: number) => number = randomInt): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[pick(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
