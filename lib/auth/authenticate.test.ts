import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { authenticate } from "./authenticate";
import { createApplicantAccount, EmailTakenError } from "./mutations";
import { hashPassword } from "./password";

withTestDatabase();

async function makeUser(overrides: { active?: boolean; role?: "APPLICANT" | "REVIEWER" } = {}) {
  const email = `user-${randomUUID()}@test.example`;
  await db.user.create({
    data: { email, displayName: "Test", passwordHash: await hashPassword("right password 1"), role: overrides.role ?? "APPLICANT", active: overrides.active ?? true },
  });
  return email;
}

describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const email = await makeUser({ role: "REVIEWER" });
    const result = await authenticate({ email: email.toUpperCase(), password: "right password 1" }, "192.0.2.10");
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

  it("locks an account after five failures, even for the right password, then lets it in later", async () => {
    const email = await makeUser();
    const now = new Date("2026-11-21T12:00:00Z");
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await authenticate({ email, password: `wrong ${attempt}` }, null, now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate({ email, password: "right password 1" }, null, now)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    const later = new Date(now.getTime() + 61_000);
    expect(await authenticate({ email, password: "right password 1" }, null, later)).toMatchObject({ ok: true });
    // Success resets the account's counter.
    expect(await db.signInThrottle.findUnique({ where: { key: `email:${email}` } })).toBeNull();
  });

  it("locks a client address guessing across many accounts", async () => {
    const ip = "198.51.100.77";
    const now = new Date("2026-11-21T12:00:00Z");
    for (let attempt = 0; attempt < 20; attempt++) {
      await authenticate({ email: `guess-${attempt}-${randomUUID()}@test.example`, password: "whatever 1" }, ip, now);
    }
    const victim = await makeUser();
    expect(await authenticate({ email: victim, password: "right password 1" }, ip, now)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate({ email: victim, password: "right password 1" }, "198.51.100.78", now)).toMatchObject({ ok: true });
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
