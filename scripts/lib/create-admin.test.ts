import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { createAdministratorFromInput } from "./create-admin";

withTestDatabase();

const STRONG = "violet harbour 2026 lantern";

describe("npm run admin:create", () => {
  it("creates an administrator who can sign in, audited as done from the command line", async () => {
    const email = `${randomUUID()}@agency.example`;
    const outcome = await createAdministratorFromInput({
      email,
      displayName: "Ops Lead",
      locale: "en",
      password: STRONG,
    });
    expect(outcome.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, passwordHash: true },
    });
    expect(user.role).toBe("ADMIN");
    expect(await verifyPassword(STRONG, user.passwordHash!)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: user.id },
      select: { actorId: true, action: true, details: true },
    });
    expect(audit).toMatchObject({
      actorId: null,
      action: "staff.created",
      details: { via: "command line", role: "ADMIN" },
    });
  });

  it("refuses a weak password and a taken email, in words, creating nothing", async () => {
    const email = `${randomUUID()}@agency.example`;
    const weak = await createAdministratorFromInput({
      email,
      displayName: "Ops",
      locale: "zh",
      password: "password1234",
    });
    expect(weak).toEqual({ ok: false, problems: [expect.stringMatching(/^password: .*guess/i)] });
    expect(await db.user.count({ where: { email } })).toBe(0);

    await createAdministratorFromInput({ email, displayName: "Ops", locale: "zh", password: STRONG });
    const again = await createAdministratorFromInput({
      email,
      displayName: "Ops 2",
      locale: "zh",
      password: STRONG,
    });
    expect(again).toEqual({ ok: false, problems: [expect.stringMatching(/^email: /)] });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses input the console's form refuses", async () => {
    const outcome = await createAdministratorFromInput({
      email: "not an email",
      displayName: "",
      locale: "fr",
      password: "",
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems.map((line) => line.split(":")[0]).sort()).toEqual([
        "displayName",
        "email",
        "locale",
        "password",
      ]);
  });
});
