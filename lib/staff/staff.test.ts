import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { PASSWORD_GUESSABLE } from "@/lib/auth/password-strength";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findStaffMember, listAssignableServices, listStaff } from "./data";
import {
  changeStaffRole,
  createStaffAccount,
  resetStaffPassword,
  setStaffActive,
  setStaffServices,
} from "./mutations";
import { staffListQuerySchema, type CreateStaffInput } from "./schema";

withTestDatabase();

const PASSWORD = "a long password 2026";
const query = (raw: Record<string, string> = {}) => staffListQuerySchema.parse(raw);

function staffInput(overrides: Partial<CreateStaffInput> = {}): CreateStaffInput {
  return {
    email: `${randomUUID()}@staff.example`,
    displayName: "New Reviewer",
    role: "REVIEWER",
    password: PASSWORD,
    locale: "en",
    ...overrides,
  };
}

async function makeService(active = true) {
  return db.serviceType.create({
    data: {
      code: `svc-${randomUUID()}`,
      nameZh: "服务",
      nameEn: "Service",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 100,
      active,
    },
    select: { id: true, code: true },
  });
}

const auditFor = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityType: "user", entityId },
    orderBy: { id: "asc" },
    select: { actorId: true, action: true, details: true },
  });

let admin: Viewer;
beforeEach(async () => {
  admin = await createTestUser("ADMIN");
});

describe("admin area", () => {
  it.each<Role>(["REVIEWER", "SUPERVISOR", "APPLICANT"])(
    "refuses a %s every staff read and write",
    async (role) => {
      const viewer = await createTestUser(role);
      const target = await createTestUser("REVIEWER");
      const calls = [
        () => listStaff(viewer, query()),
        () => findStaffMember(viewer, target.id),
        () => listAssignableServices(viewer),
        () => createStaffAccount(viewer, staffInput()),
        () => setStaffActive(viewer, { userId: target.id, active: false }),
        () => resetStaffPassword(viewer, { userId: target.id, password: PASSWORD, generated: false }),
        () => changeStaffRole(viewer, { userId: target.id, role: "ADMIN" }),
        () => setStaffServices(viewer, { userId: target.id, serviceIds: [] }),
      ];
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotAuthorizedError);
      expect(
        await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, active: true } }),
      ).toEqual({ role: "REVIEWER", active: true });
    },
  );
});

describe("createStaffAccount", () => {
  it("creates a staff account with an argon2id hash and audits it without the password", async () => {
    const input = staffInput({ role: "SUPERVISOR", locale: "zh" });
    const { id } = await createStaffAccount(admin, input);
    const row = await db.user.findUniqueOrThrow({
      where: { id },
      select: { email: true, role: true, locale: true, active: true, passwordHash: true },
    });
    expect(row).toMatchObject({ email: input.email, role: "SUPERVISOR", locale: "zh", active: true });
    expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
    expect(await auditFor(id)).toEqual([
      { actorId: admin.id, action: "staff.created", details: { email: input.email, role: "SUPERVISOR" } },
    ]);
    expect(JSON.stringify(await auditFor(id))).not.toContain(PASSWORD);
  });

  it("refuses a guessable password, and one built from the colleague's own name, and writes nothing", async () => {
    const guessable = { messageKey: "errors.checkFields", fieldErrors: { password: [PASSWORD_GUESSABLE] } };
    const common = staffInput({ password: "password1234" });
    await expect(createStaffAccount(admin, common)).rejects.toMatchObject(guessable);
    const own = staffInput({ displayName: "Zhang Wei", password: "zhangwei1990" });
    await expect(createStaffAccount(admin, own)).rejects.toMatchObject(guessable);
    expect(await db.user.count({ where: { email: { in: [common.email, own.email] } } })).toBe(0);
  });

  it("refuses an email that any account (an applicant's too) already has, and writes nothing", async () => {
    const applicant = await createTestUser("APPLICANT");
    const error = await createStaffAccount(admin, staffInput({ email: applicant.email })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).fieldErrors).toEqual({ email: ["admin.staff.errors.emailTaken"] });
    expect(
      await db.auditLog.count({
        where: { action: "staff.created", details: { path: ["email"], equals: applicant.email } },
      }),
    ).toBe(0);
  });
});

describe("setStaffActive", () => {
  it("refuses to deactivate yourself", async () => {
    await expect(setStaffActive(admin, { userId: admin.id, active: false })).rejects.toMatchObject({
      messageKey: "admin.staff.errors.notSelf",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("takes a deactivated reviewer off their open cases only, in one go with the audit row", async () => {
    const [reviewer, applicant, other] = [
      await createTestUser("REVIEWER"),
      await createTestUser(),
      await createTestUser("REVIEWER"),
    ];
    const service = await makeService();
    const open1 = await createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      assigneeId: reviewer.id,
    });
    const open2 = await createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      assigneeId: reviewer.id,
      currentNode: "AWAITING_SUPPLEMENT",
    });
    const closed = await createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      assigneeId: reviewer.id,
      status: "COMPLETED",
      closedAt: new Date(),
    });
    const othersCase = await createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      assigneeId: other.id,
    });

    expect(await setStaffActive(admin, { userId: reviewer.id, active: false })).toEqual({
      unassignedCases: 2,
    });

    const cases = await db.application.findMany({
      where: { id: { in: [open1.id, open2.id, closed.id, othersCase.id] } },
      select: { id: true, assigneeId: true, version: true },
    });
    const byId = new Map(cases.map((row) => [row.id, row]));
    expect(byId.get(open1.id)).toMatchObject({ assigneeId: null, version: 1 });
    expect(byId.get(open2.id)).toMatchObject({ assigneeId: null, version: 1 });
    expect(byId.get(closed.id)).toMatchObject({ assigneeId: reviewer.id, version: 0 });
    expect(byId.get(othersCase.id)).toMatchObject({ assigneeId: other.id, version: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).active).toBe(false);

    await setStaffActive(admin, { userId: reviewer.id, active: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).active).toBe(true);
    expect(await auditFor(reviewer.id)).toEqual([
      { actorId: admin.id, action: "staff.deactivated", details: { unassignedCases: 2 } },
      { actorId: admin.id, action: "staff.reactivated", details: null },
    ]);
  });

  it("treats an applicant or an unknown id as a missing staff account", async () => {
    const applicant = await createTestUser();
    for (const userId of [applicant.id, randomUUID(), "not-a-uuid"]) {
      await expect(setStaffActive(admin, { userId, active: false })).rejects.toMatchObject({
        messageKey: "admin.staff.errors.notFound",
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: applicant.id } })).active).toBe(true);
  });
});

describe("resetStaffPassword, changeStaffRole", () => {
  it("replaces the hash, clears the sign-in lock and never audits the password", async () => {
    const reviewer = await createTestUser("REVIEWER");
    await db.rateLimit.create({
      data: {
        key: `signin-account:${reviewer.email}`,
        tat: new Date(Date.now() + 3_600_000),
        intervalSeconds: 600,
        burst: 5,
      },
    });
    await resetStaffPassword(admin, { userId: reviewer.id, password: "temporary-pass-42", generated: true });
    const row = await db.user.findUniqueOrThrow({
      where: { id: reviewer.id },
      select: { passwordHash: true },
    });
    expect(await verifyPassword("temporary-pass-42", row.passwordHash)).toBe(true);
    expect(await db.rateLimit.count({ where: { key: `signin-account:${reviewer.email}` } })).toBe(0);
    const audit = await auditFor(reviewer.id);
    expect(audit).toEqual([
      { actorId: admin.id, action: "staff.passwordReset", details: { generated: true } },
    ]);
    expect(JSON.stringify(audit)).not.toContain("temporary-pass-42");
  });

  it("refuses a guessable new password and keeps the old hash", async () => {
    const reviewer = await createTestUser("REVIEWER", { displayName: "Zhang Wei" });
    for (const password of ["password1234", "zhangwei1990"])
      await expect(
        resetStaffPassword(admin, { userId: reviewer.id, password, generated: false }),
      ).rejects.toMatchObject({ fieldErrors: { password: [PASSWORD_GUESSABLE] } });
    const row = await db.user.findUniqueOrThrow({
      where: { id: reviewer.id },
      select: { passwordHash: true },
    });
    expect(row.passwordHash).toBe("x");
    expect(await auditFor(reviewer.id)).toEqual([]);
  });

  it("changes a role among staff roles, but never an admin's own and never to applicant", async () => {
    const reviewer = await createTestUser("REVIEWER");
    await changeStaffRole(admin, { userId: reviewer.id, role: "SUPERVISOR" });
    await expect(changeStaffRole(admin, { userId: admin.id, role: "REVIEWER" })).rejects.toMatchObject({
      messageKey: "admin.staff.errors.notSelf",
    });
    await expect(
      changeStaffRole(admin, { userId: reviewer.id, role: "APPLICANT" as never }),
    ).rejects.toMatchObject({ messageKey: "admin.staff.errors.roleInvalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).role).toBe("SUPERVISOR");
    expect(await auditFor(reviewer.id)).toEqual([
      { actorId: admin.id, action: "staff.roleChanged", details: { from: "REVIEWER", to: "SUPERVISOR" } },
    ]);
  });
});

describe("setStaffServices", () => {
  it("adds and removes services, keeps an inactive one they had, refuses adding an inactive one", async () => {
    const reviewer = await createTestUser("REVIEWER");
    const [a, b, retired] = [await makeService(), await makeService(), await makeService(false)];
    await db.staffService.create({ data: { userId: reviewer.id, serviceId: retired.id } });

    expect(
      await setStaffServices(admin, { userId: reviewer.id, serviceIds: [a.id, b.id, retired.id] }),
    ).toEqual({ added: 2, removed: 0 });
    expect(await setStaffServices(admin, { userId: reviewer.id, serviceIds: [b.id, retired.id] })).toEqual({
      added: 0,
      removed: 1,
    });
    const other = await createTestUser("REVIEWER");
    await expect(
      setStaffServices(admin, { userId: other.id, serviceIds: [retired.id] }),
    ).rejects.toMatchObject({ fieldErrors: { serviceIds: ["admin.staff.errors.serviceInvalid"] } });

    const rows = await db.staffService.findMany({
      where: { userId: reviewer.id },
      select: { serviceId: true },
    });
    expect(rows.map((row) => row.serviceId).sort()).toEqual([b.id, retired.id].sort());
    expect(await auditFor(reviewer.id)).toEqual([
      {
        actorId: admin.id,
        action: "staff.servicesChanged",
        details: { added: [a.code, b.code].sort(), removed: [] },
      },
      { actorId: admin.id, action: "staff.servicesChanged", details: { added: [], removed: [a.code] } },
    ]);
    expect(
      (await findStaffMember(admin, reviewer.id))!.handledServices.map((row) => row.serviceId).sort(),
    ).toEqual([b.id, retired.id].sort());
    const assignable = await listAssignableServices(admin, reviewer.id);
    expect(assignable.map((service) => service.id)).toContain(retired.id);
    expect((await listAssignableServices(admin)).map((service) => service.id)).not.toContain(retired.id);
  });
});

describe("listStaff", () => {
  it("lists staff only, filtered by role, status and a name or email fragment, one page at a time", async () => {
    const tag = randomUUID().slice(0, 8);
    await createTestUser("APPLICANT", { displayName: `Applicant ${tag}` });
    const active = await createTestUser("REVIEWER", { displayName: `Reviewer ${tag}` });
    const inactive = await createTestUser("SUPERVISOR", { displayName: `Supervisor ${tag}`, active: false });
    const ids = (list: Awaited<ReturnType<typeof listStaff>>) => list.items.map((item) => item.id);

    expect(ids(await listStaff(admin, query({ q: tag.toUpperCase() })))).toEqual([active.id, inactive.id]);
    expect(ids(await listStaff(admin, query({ q: tag, role: "SUPERVISOR" })))).toEqual([inactive.id]);
    expect(ids(await listStaff(admin, query({ q: tag, status: "active" })))).toEqual([active.id]);
    expect(ids(await listStaff(admin, query({ q: active.email.slice(0, 12) })))).toEqual([active.id]);
    expect(ids(await listStaff(admin, query({ q: tag, page: "2" })))).toEqual([]);
  });

  it("ignores a query string it cannot understand", () => {
    expect(query({ role: "APPLICANT", status: "weird", page: "-3" })).toEqual({
      q: "",
      role: undefined,
      status: "all",
      page: 1,
    });
  });
});
