import { hashPassword, type HashParams } from "../auth/password";

/**
 * Test users' hashes: argon2id at its smallest cost (about a millisecond). Their first sign-in
 * upgrades them to ARGON2_PARAMS, as it would any older hash; password.test.ts runs the real cost.
 */
export const CHEAP_HASH_PARAMS: HashParams = { memoryCost: 64, timeCost: 1, parallelism: 1 };

export function cheapPasswordHash(password: string): Promise<string> {
  return hashPassword(password, CHEAP_HASH_PARAMS);
}
