import type * as ZxcvbnCore from "@zxcvbn-ts/core";
import { describe, expect, it, vi } from "vitest";
import { BENCH_PASSWORD } from "@/bench/lib/seed-accounts";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/users";
import { newPasswordProblem, PASSWORD_GUESSABLE } from "./password-strength";

// Passes through to the real estimator, counting how often it is built (with its dictionaries).
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("@zxcvbn-ts/core", async (importOriginal) => {
  const actual = await importOriginal<typeof ZxcvbnCore>();
  class CountedFactory extends actual.ZxcvbnFactory {
    constructor(...args: ConstructorParameters<typeof actual.ZxcvbnFactory>) {
      super(...args);
      built.count++;
    }
  }
  return { ...actual, ZxcvbnFactory: CountedFactory };
});

const someone = { email: "ada@example.com", displayName: "Ada" };

describe("newPasswordProblem", () => {
  // First in the file: nothing has checked a password yet.
  it("builds the estimator on the first check, once, also when the first checks arrive together", async () => {
    expect(built.count).toBe(0);
    await Promise.all(
      ["first one 12345", "second one 1234", "third one 12345"].map((p) => newPasswordProblem(p, someone)),
    );
    await newPasswordProblem("a later one 1234", someone);
    expect(built.count).toBe(1);
  });

  it.each(["password1234", "Password1234", "qwertyuiop12", "123456789012", "aaaaaaaaaaaa", "iloveyou2024!"])(
    "refuses the common or patterned %s",
    async (password) => {
      expect(await newPasswordProblem(password, someone)).toBe(PASSWORD_GUESSABLE);
    },
  );

  it("refuses a password built from the owner's own name and email, not someone else's", async () => {
    const zhang = { email: "zhang.wei@example.cn", displayName: "Zhang Wei" };
    expect(await newPasswordProblem("zhangwei1990", someone)).toBeNull();
    expect(await newPasswordProblem("zhangwei1990", zhang)).toBe(PASSWORD_GUESSABLE);
  });

  it("refuses the service's own name as the base of a password", async () => {
    expect(await newPasswordProblem("expedite2026!", someone)).toBe(PASSWORD_GUESSABLE);
  });

  it("accepts passphrases, in Chinese too, and random strings", async () => {
    for (const password of [
      "amber kettle orbit 42",
      "correct horse battery staple",
      "我的猫咪喜欢在阳光下睡午觉",
      "k7pm-wq3x-9hd2-tnr4",
    ])
      expect(await newPasswordProblem(password, someone)).toBeNull();
  });

  it("checks the length too, in characters", async () => {
    expect(await newPasswordProblem("短密码也不行", someone)).toBe("validation.passwordTooShort");
    expect(await newPasswordProblem("x7".repeat(65), someone)).toBe("validation.passwordTooLong");
  });

  // The README prints the demo password; the bench signs 25 000 accounts in with its own.
  it("accepts the demo password for every demo account, and the bench password", async () => {
    for (const user of DEMO_USERS) expect(await newPasswordProblem(DEMO_PASSWORD, user)).toBeNull();
    expect(
      await newPasswordProblem(BENCH_PASSWORD, {
        email: "bench-reviewer-1@bench.test",
        displayName: "Bench reviewer 1",
      }),
    ).toBeNull();
  });
});
