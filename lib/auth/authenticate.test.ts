import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { cheapPasswordHash } from "@/lib/testing/password-hash";
import { authenticate } from "./authenticate";
import { createApplicantAccount, EmailTakenError, upgradePasswordHash } from "./mutations";

withTestDatabase();

async function makeUser(
  overrides: { active?: boolean; role?: "APPLICANT" | "REVIEWER"; passwordHash?: string } = {},
) {
  const email = `user-${randomUUID()}@test.example`;
  await db.user.create({
    data: {
      email,
      displayName: "Test",
      passwordHash: overrides.passwordHash ?? (await cheapPasswordHash("right password 1")),
      role: overrides.role ?? "APPLICANT",
      active: overrides.active ?? true,
    },
  });
  return email;
}

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const email = await makeUser({ role: "REVIEWER" });
    const result = await authenticate(
      { email: email.toUpperCase(), password: "right password 1" },
      "192.0.2.10",
    );
    expect(result).toMatchObject({ ok: true, user: { email, role: "REVIEWER" } });
  });

  it("answers an unknown email, a wrong password and a deactivated account identically", async () => {
    const active = await makeUser();
    const inactive = await makeUser({ active: false });
    const answers = await Promise.all([
      authenticate({ email: active, password: "wrong password 1" }, null),
      authenticate({ email: `nobody-${randomUUID()}@test.example`, password: "right password 1" }, null),
      authenticate({ email: inactive, password: "right password 1" }, null),
      authenticate({ email: "not an email", password: "" }, null),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });

  it("checks at most five passwords of 60 sent to one account at the same moment", async () => {
    const email = await makeUser();
    const now = new Date();
    const guesses = Array.from({ length: 60 }, (_, index) =>
      index === 42 ? "right password 1" : `wrong ${index}`,
    );
    const results = await Promise.all(
      guesses.map((password, index) => authenticate({ email, password }, `198.51.100.${index}`, now)),
    );
    const checked = results.filter((result) => result.ok || result.reason !== "throttled");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(
      60 - checked.length,
    );
  });

  it("keeps a guesser slow without locking the owner out for good", async () => {
    const email = await makeUser();
    const now = new Date("2026-11-21T12:00:00Z");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await authenticate({ email, password: `wrong ${attempt}` }, null, now)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Refused before checking, even for the right password: otherwise the refusal would leak it.
    expect(await authenticate({ email, password: "right password 1" }, null, now)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 600,
    });
    // One more attempt per ten minutes, whoever spends it.
    const later = new Date(now.getTime() + 600_000);
    expect(await authenticate({ email, password: "wrong again" }, null, later)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate({ email, password: "right password 1" }, null, later)).toMatchObject({
      reason: "throttled",
    });
    expect(
      await authenticate({ email, password: "right password 1" }, null, new Date(later.getTime() + 600_000)),
    ).toMatchObject({ ok: true });
  });

  it("lets the owner in from a browser that signed in before while a stranger keeps the account drained", async () => {
    const email = await makeUser();
    const now = new Date();
    for (let attempt = 0; attempt < 8; attempt++)
      await authenticate({ email, password: `wrong ${attempt}` }, "203.0.113.9", now);
    expect(await authenticate({ email, password: "right password 1" }, "198.51.100.1", now)).toMatchObject({
      reason: "throttled",
    });
    expect(
      await authenticate({ email, password: "right password 1" }, "198.51.100.1", now, "owners-laptop"),
    ).toMatchObject({ ok: true });
  });

  it("spends nothing on successful sign-ins", async () => {
    const email = await makeUser();
    const now = new Date();
    for (let attempt = 0; attempt < 12; attempt++)
      expect(
        await authenticate({ email, password: "right password 1" }, "198.51.100.200", now),
      ).toMatchObject({ ok: true });
  });

  // Twenty argon2 checks against the stand-in hash: about a second on an idle machine, more under load.
  it("slows a client address guessing across many accounts", { timeout: 90_000 }, async () => {
    const ip = "198.51.100.77";
    const now = new Date("2026-11-21T12:00:00Z");
    for (let attempt = 0; attempt < 20; attempt++) {
      await authenticate(
        { email: `guess-${attempt}-${randomUUID()}@test.example`, password: "whatever 1" },
        ip,
        now,
      );
    }
    const victim = await makeUser();
    expect(await authenticate({ email: victim, password: "right password 1" }, ip, now)).toMatchObject({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 60,
    });
    expect(
      await authenticate({ email: victim, password: "right password 1" }, "198.51.100.78", now),
    ).toMatchObject({ ok: true });
  });
});

describe("re-hashing at sign-in (decision 016)", () => {
  const storedHash = async (email: string) =>
    (await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash;

  it("turns a bcrypt hash into argon2id at the next successful sign-in, and not at a failed one", async () => {
    const legacy = await bcrypt.hash("right password 1", 4);
    const email = await makeUser({ passwordHash: legacy });
    expect(await authenticate({ email, password: "wrong password 1" }, null)).toMatchObject({ ok: false });
    expect(await storedHash(email)).toBe(legacy);

    expect(await authenticate({ email, password: "right password 1" }, null)).toMatchObject({ ok: true });
    const upgraded = await storedHash(email);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await authenticate({ email, password: "right password 1" }, null)).toMatchObject({ ok: true });
    expect(await storedHash(email)).toBe(upgraded);
  });

  it("does not upgrade a deactivated account's hash (its sign-in did not succeed)", async () => {
    const legacy = await bcrypt.hash("right password 1", 4);
    const email = await makeUser({ passwordHash: legacy, active: false });
    expect(await authenticate({ email, password: "right password 1" }, null)).toMatchObject({ ok: false });
    expect(await storedHash(email)).toBe(legacy);
  });

  it("leaves a hash alone that changed since it was verified (a reset in between wins)", async () => {
    const email = await makeUser();
    const { id, passwordHash: reset } = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, passwordHash: true },
    });
    await upgradePasswordHash(id, "the hash verified a moment ago", "an upgraded hash");
    expect(await storedHash(email)).toBe(reset);
  });
});

describe("createApplicantAccount", () => {
  it("refuses a duplicate email, even when two registrations race", async () => {
    const email = `race-${randomUUID()}@test.example`;
    const input = { email, displayName: "Racer", passwordHash: "x", locale: "en" };
    const results = await Promise.allSettled([createApplicantAccount(input), createApplicantAccount(input)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(EmailTakenError);
    const created = await db.user.findUniqueOrThrow({ where: { email }, select: { role: true } });
    expect(created.role).toBe("APPLICANT");
  });
});
