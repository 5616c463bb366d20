import * as argon2 from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cheapPasswordHash } from "@/lib/testing/password-hash";
import {
  ARGON2_PARAMS,
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  NO_PASSWORD,
  verifyPassword,
} from "./password";

// Passes through to the real argon2, recording which stored hash each verification used.
const verifiedAgainst = vi.hoisted(() => [] as string[]);
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof argon2>();
  return {
    ...actual,
    verify: (stored: string, ...rest: [string]) => {
      verifiedAgainst.push(stored);
      return actual.verify(stored, ...rest);
    },
  };
});

beforeEach(() => {
  verifiedAgainst.length = 0;
});

// 24 Chinese characters are exactly 72 bytes of UTF-8, all bcrypt ever read of a password.
const FIRST_72_BYTES = "我的猫咪喜欢在阳光下睡午觉然后去花园里追蝴蝶玩耍";

describe("password hashing", () => {
  it("hashes with argon2id at the production parameters and verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery 42");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword("correct horse battery 42", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery 43", hash)).toBe(false);
  });

  it("counts a long Chinese passphrase in full: two that share the first 72 bytes differ", async () => {
    expect(Buffer.byteLength(FIRST_72_BYTES)).toBe(72);
    const hash = await cheapPasswordHash(`${FIRST_72_BYTES}，一`);
    expect(await verifyPassword(`${FIRST_72_BYTES}，一`, hash)).toBe(true);
    expect(await verifyPassword(`${FIRST_72_BYTES}，二`, hash)).toBe(false);
  });

  it("still verifies a bcrypt hash from before argon2id, and asks for it to be re-hashed", async () => {
    const legacy = await bcrypt.hash("an old password 1", 4);
    expect(await verifyPassword("an old password 1", legacy)).toBe(true);
    expect(await verifyPassword("an old password 2", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it("asks for argon2 hashes made with other parameters to be re-hashed", async () => {
    expect(needsRehash(await cheapPasswordHash("test user password"))).toBe(true);
    expect(needsRehash(await hashPassword("x", { ...ARGON2_PARAMS, timeCost: 3 }))).toBe(true);
  });

  it("never verifies when there is no account", async () => {
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", undefined)).toBe(false);
  });

  it("never verifies an account without a password (a partner's API account), after the usual work", async () => {
    expect(await verifyPassword("", NO_PASSWORD)).toBe(false);
    expect(await verifyPassword(NO_PASSWORD, NO_PASSWORD)).toBe(false);
    expect(verifiedAgainst).toEqual([DUMMY_HASH, DUMMY_HASH]);
  });

  // Decision 006: an unknown email must cost what a wrong password costs, so nobody learns by timing
  // which emails have accounts. Each does one argon2 verification at today's parameters.
  it("does the same work for an unknown account as for a known one", async () => {
    const known = await hashPassword("the owner's password 1");
    await verifyPassword("a guess", known);
    await verifyPassword("a guess", null);
    expect(verifiedAgainst).toHaveLength(2);
    const [knownParams, unknownParams] = verifiedAgainst.map((stored) => {
      const { algorithm, version, memoryCost, timeCost, parallelism, outputLen, saltLen } =
        argon2.parseOptions(stored);
      return { algorithm, version, memoryCost, timeCost, parallelism, outputLen, saltLen };
    });
    expect(unknownParams).toEqual(knownParams);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
  });
});
