import { randomInt, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formData, signedInAs } from "@/lib/testing/action-session";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { confirmEmailAddress, registerApplicant, resendConfirmationEmail } from "./actions";
import { PASSWORD_GUESSABLE } from "./password-strength";
import { CONFIRMATION_TTL_MS } from "./confirmation-token";
import { needsEmailConfirmation } from "./confirmation-data";
import { confirmEmail, registerOrNotify, resendConfirmation } from "./registration-mutations";

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
// Each test registers from an address of its own, so the per-address limit is the tests' business only where it says so.
let clientIp = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": clientIp }) }));
vi.mock("next-intl/server", () => ({ getLocale: vi.fn(async () => "en") }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

withTestDatabase();

function randomAddress() {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
}

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
  clientIp = randomAddress();
});

const PASSWORD = "a fine password 7";

function registration(email: string, extra: Record<string, string> = {}) {
  return formData({ displayName: "Ada", email, password: PASSWORD, confirmPassword: PASSWORD, ...extra });
}

async function outbox(email: string) {
  return db.notification.findMany({
    where: { toAddress: email },
    orderBy: { createdAt: "asc" },
    select: { template: true, channel: true, payload: true, recipientId: true, status: true },
  });
}

/** The token of the newest confirmation link emailed to `email`. */
async function emailedToken(email: string): Promise<string> {
  const row = await db.notification.findFirstOrThrow({
    where: { toAddress: email, template: "account.confirmEmail" },
    orderBy: { createdAt: "desc" },
    select: { payload: true },
  });
  const path = (row.payload as { path: string }).path;
  return new URL(path, "https://app.example").searchParams.get("token")!;
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: { url?: string }) => caught,
  );
  return (error as { url: string }).url;
}

describe("registration", () => {
  it("answers a new, an applicant's and a staff member's email the same way; only the mailbox differs", async () => {
    const fresh = `new-${randomUUID()}@test.example`;
    const applicant = await createTestUser("APPLICANT");
    const staff = await createTestUser("SUPERVISOR");

    const answers = await Promise.all(
      [fresh, applicant.email, staff.email].map((email) => registerApplicant(null, registration(email))),
    );
    expect(answers).toEqual(
      [fresh, applicant.email, staff.email].map((email) => ({ ok: true, data: { email } })),
    );

    const created = await db.user.findUniqueOrThrow({
      where: { email: fresh },
      select: { id: true, role: true, emailConfirmedAt: true },
    });
    expect(created).toMatchObject({ role: "APPLICANT", emailConfirmedAt: null });
    expect(await outbox(fresh)).toEqual([
      {
        template: "account.confirmEmail",
        channel: "EMAIL",
        payload: { path: expect.stringMatching(/^\/confirm-email\?token=[\w-]{43}$/) },
        recipientId: created.id,
        status: "PENDING",
      },
    ]);
    for (const existing of [applicant, staff]) {
      expect(await outbox(existing.email)).toEqual([
        {
          template: "account.exists",
          channel: "EMAIL",
          payload: { path: "/signin" },
          recipientId: existing.id,
          status: "PENDING",
        },
      ]);
      // Nothing about the existing account changed: not its password, not its role.
      expect(
        await db.user.findUniqueOrThrow({
          where: { id: existing.id },
          select: { passwordHash: true, role: true },
        }),
      ).toEqual({ passwordHash: "x", role: existing.role });
    }
    // Only the token's hash is kept in the table.
    const token = await emailedToken(fresh);
    expect(await db.emailConfirmation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.emailConfirmation.count({ where: { userId: created.id } })).toBe(1);
  });

  it("sends 'you already have an account' at most once in a while, however often someone tries", async () => {
    const applicant = await createTestUser("APPLICANT");
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await registerApplicant(null, registration(applicant.email))).toMatchObject({ ok: true });
    expect(await outbox(applicant.email)).toHaveLength(1);
  });

  it("gives two simultaneous registrations of one address one account, and the loser the same answer", async () => {
    const email = `race-${randomUUID()}@test.example`;
    const answers = await Promise.all([
      registerApplicant(null, registration(email)),
      registerApplicant(null, registration(email)),
    ]);
    expect(answers).toEqual([
      { ok: true, data: { email } },
      { ok: true, data: { email } },
    ]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets one client address create a few accounts at once, then one per interval, even when they arrive together", async () => {
    const emails = Array.from({ length: 12 }, () => `burst-${randomUUID()}@test.example`);
    const answers = await Promise.all(emails.map((email) => registerApplicant(null, registration(email))));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
    expect(answers.filter((answer) => !answer.ok)).toEqual(
      Array(7).fill({ ok: false, message: "auth.registerThrottled", fieldErrors: undefined }),
    );
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(5);
    // Refused before any work: no email went out for the refused ones either.
    expect(await db.notification.count({ where: { toAddress: { in: emails } } })).toBe(5);

    clientIp = randomAddress();
    expect(await registerApplicant(null, registration(`other-${randomUUID()}@test.example`))).toMatchObject({
      ok: true,
    });
  });

  it("refuses a guessable password on the server, without spending the address's registrations", async () => {
    const guessable = { password: "password1234", confirmPassword: "password1234" };
    for (let attempt = 0; attempt < 6; attempt++) {
      const email = `weak-${randomUUID()}@test.example`;
      expect(await registerApplicant(null, registration(email, guessable))).toEqual({
        ok: false,
        message: "errors.checkFields",
        fieldErrors: { password: [PASSWORD_GUESSABLE] },
      });
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
    expect(await registerApplicant(null, registration(`strong-${randomUUID()}@test.example`))).toMatchObject({
      ok: true,
    });
  });

  it("still explains what is wrong with the form", async () => {
    expect(
      await registerApplicant(
        null,
        formData({ displayName: "", email: "nope", password: "short", confirmPassword: "other" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { displayName: ["validation.required"], email: ["validation.emailInvalid"] },
    });
  });
});

describe("email confirmation", () => {
  it("confirms with the emailed link once, then lands where the person was going", async () => {
    const email = `going-${randomUUID()}@test.example`;
    await registerApplicant(null, registration(email, { callbackUrl: "/portal/apply/passport-renewal" }));
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, email: true, displayName: true },
    });
    expect(await needsEmailConfirmation(user.id)).toBe(true);
    const token = await emailedToken(email);

    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect(await redirectOf(confirmEmailAddress(null, formData({ token })))).toBe(
      `/signin?confirmed=1&callbackUrl=${encodeURIComponent("/portal/apply/passport-renewal")}`,
    );
    expect(await needsEmailConfirmation(user.id)).toBe(false);
    // Single use.
    expect(await confirmEmailAddress(null, formData({ token }))).toEqual({
      ok: false,
      message: "auth.confirm.invalid",
    });
  });

  it("sends a signed-in applicant straight on, and never to another site", async () => {
    const email = `signed-in-${randomUUID()}@test.example`;
    await registerApplicant(null, registration(email, { callbackUrl: "/\t/evil.example/" }));
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, email: true, displayName: true },
    });
    await signedInAs(user);
    expect(await redirectOf(confirmEmailAddress(null, formData({ token: await emailedToken(email) })))).toBe(
      "/portal",
    );
  });

  it("refuses unknown, tampered and expired links", async () => {
    const email = `expired-${randomUUID()}@test.example`;
    await registerOrNotify({ email, displayName: "Old", passwordHash: "x", locale: "zh", nextPath: "" });
    const token = await emailedToken(email);
    expect(await confirmEmail(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await confirmEmail("")).toBeNull();
    expect(await confirmEmail(token, new Date(Date.now() + CONFIRMATION_TTL_MS + 1000))).toBeNull();
    expect(await confirmEmailAddress(null, formData({}))).toEqual({
      ok: false,
      message: "auth.confirm.invalid",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await needsEmailConfirmation(user.id)).toBe(true);
  });

  it("resends a link on request, not twice within a minute, and not for a confirmed account", async () => {
    const email = `resend-${randomUUID()}@test.example`;
    const now = new Date();
    await registerOrNotify({ email, displayName: "Re", passwordHash: "x", locale: "en", nextPath: "" }, now);
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, email: true, displayName: true },
    });

    expect(await resendConfirmation(user.id, "/portal", new Date(now.getTime() + 10_000))).toBe("tooSoon");
    expect(await resendConfirmation(user.id, "/portal/apply", new Date(now.getTime() + 61_000))).toBe("sent");
    expect(await outbox(email)).toHaveLength(2);

    await signedInAs(user);
    expect(await resendConfirmationEmail(null, formData({ next: "/portal" }))).toEqual({
      ok: false,
      message: "auth.confirm.tooSoon",
    });
    // The first link still works; afterwards nothing more is sent.
    expect(await confirmEmail(await emailedToken(email))).toMatchObject({ userId: user.id });
    expect(await resendConfirmation(user.id, "/portal", new Date(now.getTime() + 200_000))).toBe(
      "alreadyConfirmed",
    );
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    expect(await resendConfirmationEmail(null, formData({}))).toEqual(sessionExpired());
  });

  it("counts accounts made any other way (seed, admins, existing rows) as confirmed", async () => {
    const staff = await createTestUser("REVIEWER");
    const applicant = await createTestUser("APPLICANT");
    expect(await needsEmailConfirmation(staff.id)).toBe(false);
    expect(await needsEmailConfirmation(applicant.id)).toBe(false);
  });
});
