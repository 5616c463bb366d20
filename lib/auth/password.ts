import { hash, parseOptions, verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

export type HashParams = { memoryCost: number; timeCost: number; parallelism: number };

/**
 * OWASP Password Storage Cheat Sheet, argon2id: 19 MiB, 2 passes, 1 lane (decision 016).
 * ~15–50 ms per hash on a 2-core machine, run on libuv's thread pool, not the event loop.
 */
export const ARGON2_PARAMS: HashParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Algorithm.Argon2id; the package's enum is a `const enum`, which isolatedModules cannot import.
const ARGON2ID: Algorithm = 2;

/**
 * Verified against when the email is unknown, so an unknown email and a wrong password do the same
 * work (decision 006). Made with ARGON2_PARAMS: password.test.ts fails if the two drift apart.
 */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$Vm1hdyI06bTx6Oue5FKJww$ZDpb85OiH86UTt6HnZt4F4dHhM6urRwMtMtSmn1yoOo";

/** Hashes the whole password (argon2 has no length cut-off, unlike bcrypt's 72 bytes). */
export function hashPassword(password: string, params: HashParams = ARGON2_PARAMS): Promise<string> {
  return hash(password, { ...params, algorithm: ARGON2ID });
}

/**
 * Stored for accounts that must never sign in with a password (a partner's API account, decision 037):
 * no password hashes to it, and verifyPassword refuses it after the same work as an unknown email.
 */
export const NO_PASSWORD = "!no-password";

// Hashes from before argon2id (decision 016): checked with bcrypt until their owner's next sign-in.
function isBcrypt(stored: string): boolean {
  return /^\$2[aby]\$/.test(stored);
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (stored == null || !(isBcrypt(stored) || stored.startsWith("$argon2"))) {
    await verify(DUMMY_HASH, password);
    return false;
  }
  if (isBcrypt(stored)) return bcrypt.compare(password, stored);
  return verify(stored, password);
}

/** True for a bcrypt hash or an argon2 hash made with other parameters than today's: re-hash at sign-in. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  const made = parseOptions(stored);
  return (
    made.memoryCost !== ARGON2_PARAMS.memoryCost ||
    made.timeCost !== ARGON2_PARAMS.timeCost ||
    made.parallelism !== ARGON2_PARAMS.parallelism
  );
}
