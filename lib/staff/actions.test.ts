import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { changeRole, changeStaffStatus, createStaff, resetPassword, updateStaffServices } from "./actions";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";

// The actions read the session themselves: stand in for it, and for Next's request-bound helpers.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

withTestDatabase();

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

describe("staff actions", () => {
  it("refuse a signed-out visitor and an applicant's session before doing anything", async () => {
    const target = await createTestUser("REVIEWER");
    const email = `${randomUUID()}@staff.example`;
    const attempts = () => [
      createStaff(
        null,
        formData({
          email,
          displayName: "Mallory",
          role: "ADMIN",
          password: "a long password 2026",
          locale: "en",
        }),
      ),
      changeStaffStatus(null, formData({ userId: target.id, active: "false" })),
      resetPassword(null, formData({ userId: target.id, mode: "generate" })),
      changeRole(null, formData({ userId: target.id, role: "ADMIN" })),
      updateStaffServices(null, formData({ userId: target.id })),
    ];
    vi.mocked(getCurrentUser).mockResolvedValue(null);
    for (const result of await Promise.all(attempts())) expect(result).toEqual(sessionExpired());
    await signedInAs("APPLICANT");
    for (const result of await Promise.all(attempts()))
      expect(result).toEqual({ ok: false, message: "errors.notAuthorized" });

    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(
      await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, active: true } }),
    ).toEqual({ role: "REVIEWER", active: true });
    expect(await db.auditLog.count({ where: { entityId: target.id } })).toBe(0);
  });

  it("let an admin create an account (email normalized) and refuse the same email again", async () => {
    await signedInAs("ADMIN");
    const email = `New.Colleague-${randomUUID()}@Staff.Example`;
    const fields = {
      email: ` ${email} `,
      displayName: "New Colleague",
      role: "REVIEWER",
      password: "a long password 2026",
      locale: "zh",
    };
    const redirected = await createStaff(null, formData(fields)).catch((error: { url: string }) => error);
    const created = await db.user.findUniqueOrThrow({
      where: { email: email.toLowerCase() },
      select: { id: true, role: true },
    });
    expect(redirected).toMatchObject({ url: `/console/admin/staff/${created.id}?created=1` });
    expect(created.role).toBe("REVIEWER");

    expect(await createStaff(null, formData({ ...fields, email: email.toUpperCase() }))).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { email: ["admin.staff.errors.emailTaken"] },
    });
  });

  it("return field errors for a short password and a non-staff role", async () => {
    await signedInAs("ADMIN");
    const result = await createStaff(
      null,
      formData({
        email: "x@staff.example",
        displayName: "X",
        role: "APPLICANT",
        password: "short1",
        locale: "en",
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { role: ["admin.staff.errors.roleInvalid"], password: ["validation.passwordTooShort"] },
    });
  });

  it("show a generated password once and store only its hash", async () => {
    await signedInAs("ADMIN");
    const target = await createTestUser("REVIEWER");
    const result = await resetPassword(null, formData({ userId: target.id, mode: "generate" }));
    expect(result.ok).toBe(true);
    const password = result.ok ? result.data.generatedPassword! : "";
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditLog.findMany({
      where: { entityId: target.id },
      select: { action: true, details: true },
    });
    expect(audit).toEqual([{ action: "staff.passwordReset", details: { generated: true } }]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("refuse an admin deactivating themselves, and deactivate and reactivate someone else", async () => {
    const admin = await signedInAs("ADMIN");
    expect(await changeStaffStatus(null, formData({ userId: admin.id, active: "false" }))).toEqual({
      ok: false,
      message: "admin.staff.errors.notSelf",
    });
    const reviewer = await createTestUser("REVIEWER");
    revalidated();
    expect(await changeStaffStatus(null, formData({ userId: reviewer.id, active: "false" }))).toEqual({
      ok: true,
      data: { active: false, unassignedCases: 0 },
    });
    expect(revalidated()).toEqual([["/console/admin/staff"], [`/console/admin/staff/${reviewer.id}`]]);
    expect(await changeStaffStatus(null, formData({ userId: reviewer.id, active: "true" }))).toEqual({
      ok: true,
      data: { active: true, unassignedCases: 0 },
    });
  });
});
