import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the admin reads it out or copies it by hand to the colleague.
const LETTERS = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";
const ALPHABET = LETTERS + DIGITS;
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A temporary password such as "k7pm-wq3x-9hd2-tnr4": 16 characters from 31 (about 79 bits),
 * with at least one letter and one digit so it passes the staff password rules.
 */
export function generateTemporaryPassword(pick: (max: number) => number = randomInt): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[pick(ALPHABET.length)]).join(""),
    );
    const password = groups.join("-");
    if (/[a-z]/.test(password) && /[0-9]/.test(password)) return password;
  }
}
