import type { Session } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { changeStaffRole, resetStaffPassword, setStaffActive } from "@/lib/staff/mutations";
import { createTestUser } from "@/lib/testing/fixtures";
import bcrypt from "bcryptjs";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { authenticate } from "./authenticate";
import { authOptions } from "./options";
import { userForSession } from "./session-token";

withTestDatabase();

const SECRET = "session-test-secret-session-test-secret";

type Person = { id: string; email: string; displayName: string };

/** Signs in as next-auth does after `authorize`: the jwt callback, then the encrypted cookie value. */
async function signIn(person: Person): Promise<string> {
  // next-auth's default token, before our callback decides what is kept.
  const initial: JWT = { sub: person.id, name: person.displayName, email: person.email, picture: null };
  const token = await authOptions.callbacks!.jwt!({
    token: initial,
    user: { id: person.id, email: person.email, name: person.displayName },
    account: null,
    trigger: "signIn",
  });
  return encode({ token, secret: SECRET });
}

/** What getCurrentUser does with a cookie on a later request: decode, refresh, session callback, database. */
async function currentUser(cookie: string) {
  const decoded = await decode({ token: cookie, secret: SECRET });
  if (!decoded) return null;
  const refreshed = await authOptions.callbacks!.jwt!({
    token: decoded,
    user: undefined as never,
    account: null,
  });
  const session = await authOptions.callbacks!.session!({
    session: {
      user: { name: "from next-auth", email: "from next-auth", image: null },
      expires: "2099-01-01T00:00:00.000Z",
    } as unknown as Session,
    token: refreshed,
    user: undefined as never,
    newSession: undefined,
    trigger: "update",
  });
  return userForSession(session as Session);
}

async function signOut(cookie: string) {
  await authOptions.events!.signOut!({
    token: (await decode({ token: cookie, secret: SECRET }))!,
    session: undefined as never,
  });
}

let admin: Viewer;
let reviewer: Person;
beforeEach(async () => {
  admin = await createTestUser("ADMIN");
  reviewer = await createTestUser("REVIEWER");
});

describe("the session token", () => {
  it("carries the account id and session version only, never the name or email", async () => {
    const decoded = await decode({ token: await signIn(reviewer), secret: SECRET });
    expect(decoded).not.toBeNull();
    expect(Object.keys(decoded!).sort()).toEqual(["exp", "iat", "jti", "sub", "sv"]);
    expect(JSON.stringify(decoded)).not.toContain(reviewer.email);
    expect(JSON.stringify(decoded)).not.toContain(reviewer.displayName);
  });

  it("gives no name or email to the session next-auth hands out either", async () => {
    const decoded = await decode({ token: await signIn(reviewer), secret: SECRET });
    const session = await authOptions.callbacks!.session!({
      session: {
        user: { name: reviewer.displayName, email: reviewer.email, image: null },
        expires: "2099-01-01T00:00:00.000Z",
      } as unknown as Session,
      token: decoded!,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(JSON.stringify(session)).not.toContain(reviewer.email);
    expect(JSON.stringify(session)).not.toContain(reviewer.displayName);
  });
});

describe("ending sessions", () => {
  it("accepts a fresh session", async () => {
    expect(await currentUser(await signIn(reviewer))).toMatchObject({ id: reviewer.id, role: "REVIEWER" });
  });

  it("refuses a copy of the cookie after sign-out, on every device, and lets the person sign in again", async () => {
    const laptop = await signIn(reviewer);
    const phone = await signIn(reviewer);
    const copied = laptop;
    await signOut(laptop);
    expect(await currentUser(copied)).toBeNull();
    expect(await currentUser(phone)).toBeNull();
    expect(await currentUser(await signIn(reviewer))).toMatchObject({ id: reviewer.id });
  });

  it("does nothing more when an already ended session signs out again", async () => {
    const old = await signIn(reviewer);
    await signOut(old);
    const current = await signIn(reviewer);
    await signOut(old);
    expect(await currentUser(current)).toMatchObject({ id: reviewer.id });
  });

  it("refuses a session from before an admin reset the password", async () => {
    const cookie = await signIn(reviewer);
    await resetStaffPassword(admin, {
      userId: reviewer.id,
      password: "a brand new password 2026",
      generated: false,
    });
    expect(await currentUser(cookie)).toBeNull();
  });

  it("refuses a session from before a role change", async () => {
    const cookie = await signIn(reviewer);
    await changeStaffRole(admin, { userId: reviewer.id, role: "SUPERVISOR" });
    expect(await currentUser(cookie)).toBeNull();
  });

  it("refuses a session from before a deactivation, also once the account is active again", async () => {
    const cookie = await signIn(reviewer);
    await setStaffActive(admin, { userId: reviewer.id, active: false });
    expect(await currentUser(cookie)).toBeNull();
    await setStaffActive(admin, { userId: reviewer.id, active: true });
    expect(await currentUser(cookie)).toBeNull();
  });

  it("ends sessions on a password change made any other way (the database trigger)", async () => {
    const cookie = await signIn(reviewer);
    await db.$executeRaw`UPDATE "user" SET password_hash = 'changed elsewhere' WHERE id = ${reviewer.id}::uuid`;
    expect(await currentUser(cookie)).toBeNull();
  });

  it("keeps sessions through a sign-in that re-hashes an old password hash (same password)", async () => {
    const owner = await createTestUser("REVIEWER", {
      passwordHash: await bcrypt.hash("the same password 1", 4),
    });
    const laptop = await signIn(owner);
    const signedInElsewhere = await authenticate(
      { email: owner.email, password: "the same password 1" },
      null,
    );
    expect(signedInElsewhere).toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await currentUser(laptop)).toMatchObject({ id: owner.id });
  });

  it("keeps sessions through changes that are not about signing in", async () => {
    const cookie = await signIn(reviewer);
    await db.user.update({
      where: { id: reviewer.id },
      data: { locale: "en", displayName: "Renamed", phone: "+86 138 0000 0001" },
    });
    expect(await currentUser(cookie)).toMatchObject({ id: reviewer.id, displayName: "Renamed" });
  });

  it("refuses a token issued before session versions existed (no version in it)", async () => {
    const legacy = await encode({
      token: { sub: reviewer.id, name: reviewer.displayName, email: reviewer.email },
      secret: SECRET,
    });
    expect(await currentUser(legacy)).toBeNull();
  });
});
