import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { formData } from "@/lib/testing/action-session";
import { cheapPasswordHash } from "@/lib/testing/password-hash";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { requestUnlockLink } from "./unlock-actions";
import { requestSignInUnlock, unlockedAccountEmail } from "./unlock-mutations";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.1` }),
}));

withTestDatabase();

async function makeUser(active = true) {
  const email = `unlock-${randomUUID()}@test.example`;
  const user = await db.user.create({
    data: { email, displayName: "Owner", passwordHash: await cheapPasswordHash("right password 1"), active },
    select: { id: true, email: true },
  });
  return user;
}

function unlockMails(recipientId: string) {
  return db.notification.findMany({
    where: { recipientId, template: "account.unlockSignIn" },
    select: { channel: true, toAddress: true, payload: true },
  });
}

describe("unlock links", () => {
  it("are emailed to an active account through the outbox, and the answer is the same for an unknown email", async () => {
    const owner = await makeUser();
    expect(await requestUnlockLink(null, formData({ email: owner.email.toUpperCase() }))).toEqual({
      ok: true,
    });
    expect(await requestUnlockLink(null, formData({ email: `nobody-${randomUUID()}@test.example` }))).toEqual(
      { ok: true },
    );
    const mails = await unlockMails(owner.id);
    expect(mails).toEqual([
      {
        channel: "EMAIL",
        toAddress: owner.email,
        payload: { path: expect.stringMatching(/^\/signin\/unlock\?token=/) },
      },
    ]);
    expect(await requestUnlockLink(null, formData({ email: "not an email" }))).toEqual({
      ok: false,
      message: "validation.emailInvalid",
    });
    expect(await requestUnlockLink(null, "hostile" as unknown as FormData)).toEqual({
      ok: false,
      message: "errors.malformedRequest",
    });
  });

  it("open for their account only while valid, and never for a deactivated one", async () => {
    const owner = await makeUser();
    await requestSignInUnlock(owner.email, null);
    const [mail] = await unlockMails(owner.id);
    const token = decodeURIComponent(String((mail!.payload as { path: string }).path).split("token=")[1]!);
    expect(await unlockedAccountEmail(token)).toBe(owner.email);
    expect(await unlockedAccountEmail(token, new Date(Date.now() + 31 * 60_000))).toBeNull();
    expect(await unlockedAccountEmail(token.slice(0, -2) + "AA")).toBeNull();
    await db.user.update({ where: { id: owner.id }, data: { active: false } });
    expect(await unlockedAccountEmail(token)).toBeNull();
  });

  it("cannot flood an inbox: ten requests at once send at most two emails", async () => {
    const owner = await makeUser();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => requestSignInUnlock(owner.email, `10.8.0.${index}`)),
    );
    expect((await unlockMails(owner.id)).length).toBe(2);
  });
});
