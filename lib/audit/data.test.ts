import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { listAuditEntries, listAuditPeople } from "./data";
import { AUDIT_PAGE_SIZE, AUDIT_PEOPLE_LIMIT, auditQuerySchema } from "./schema";

withTestDatabase();

const query = (raw: Record<string, string> = {}) => auditQuerySchema.parse(raw);
const BASE = Date.parse("2026-03-10T08:00:00Z");
// Every test's rows are tagged with their own action prefix, so tests never see each other's rows.
const tagged = () => `t${randomUUID().slice(0, 8)}.`;

let admin: Viewer;
beforeAll(async () => {
  admin = await createTestUser("ADMIN");
});

describe("listAuditEntries", () => {
  it.each<Role>(["REVIEWER", "SUPERVISOR", "APPLICANT"])("refuses a %s", async (role) => {
    await expect(listAuditEntries(await createTestUser(role), query(), "UTC")).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
  });

  it("pages newest first by keyset, forwards and back, with rows that share a timestamp", async () => {
    const prefix = tagged();
    // 120 rows, every three sharing a millisecond: the id must break the ties.
    await db.auditLog.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        actorId: admin.id,
        action: `${prefix}n${index}`,
        entityType: "user",
        createdAt: new Date(BASE + Math.floor(index / 3) * 1000),
      })),
    });
    const names = (items: { action: string }[]) =>
      items.map((item) => Number(item.action.slice(prefix.length + 1)));
    const descending = Array.from({ length: 120 }, (_, index) => 119 - index);

    const first = await listAuditEntries(admin, query({ action: prefix }), "UTC");
    expect(names(first.items)).toEqual(descending.slice(0, AUDIT_PAGE_SIZE));
    expect(first.newerCursor).toBeNull();
    const second = await listAuditEntries(
      admin,
      query({ action: prefix, before: first.olderCursor! }),
      "UTC",
    );
    expect(names(second.items)).toEqual(descending.slice(50, 100));
    const third = await listAuditEntries(
      admin,
      query({ action: prefix, before: second.olderCursor! }),
      "UTC",
    );
    expect(names(third.items)).toEqual(descending.slice(100));
    expect(third.olderCursor).toBeNull();

    const backToSecond = await listAuditEntries(
      admin,
      query({ action: prefix, after: third.newerCursor! }),
      "UTC",
    );
    expect(names(backToSecond.items)).toEqual(descending.slice(50, 100));
    const backToFirst = await listAuditEntries(
      admin,
      query({ action: prefix, after: backToSecond.newerCursor! }),
      "UTC",
    );
    expect(names(backToFirst.items)).toEqual(descending.slice(0, 50));
    expect(backToFirst.newerCursor).toBeNull();
    expect(backToFirst.olderCursor).not.toBeNull();
  });

  it("filters by action prefix, actor name or email, entity and days in the viewer's zone", async () => {
    const prefix = tagged();
    const actor = await createTestUser("REVIEWER", { displayName: `Rita ${prefix}` });
    const applicant = await createTestUser();
    const service = await db.serviceType.create({
      data: {
        code: randomUUID(),
        nameZh: "服务",
        nameEn: "Service",
        descriptionZh: "",
        descriptionEn: "",
        baseFeeMinor: 1,
      },
    });
    const application = await createTestApplication({ applicantId: applicant.id, serviceId: service.id });
    const at = (iso: string) => new Date(iso);
    await db.auditLog.createMany({
      data: [
        {
          actorId: actor.id,
          action: `${prefix}workflow.ADVANCE`,
          entityType: "application",
          entityId: application.id,
          createdAt: at("2026-03-10T15:30:00Z"),
        },
        {
          actorId: actor.id,
          action: `${prefix}workflow.APPROVE`,
          entityType: "application",
          entityId: application.id,
          createdAt: at("2026-03-10T16:30:00Z"),
        },
        {
          actorId: admin.id,
          action: `${prefix}staff.created`,
          entityType: "user",
          entityId: actor.id,
          createdAt: at("2026-03-11T02:00:00Z"),
        },
        {
          actorId: null,
          action: `${prefix}staff_created`,
          entityType: "user",
          entityId: actor.id,
          createdAt: at("2026-03-12T02:00:00Z"),
        },
      ],
    });
    const actions = async (raw: Record<string, string>, zone = "UTC") =>
      (await listAuditEntries(admin, query({ ...raw }), zone)).items.map((item) =>
        item.action.slice(prefix.length),
      );

    expect(await actions({ action: `${prefix}workflow.` })).toEqual(["workflow.APPROVE", "workflow.ADVANCE"]);
    // "_" is a LIKE wildcard: the prefix must match it literally.
    expect(await actions({ action: `${prefix}staff_` })).toEqual(["staff_created"]);
    expect(await actions({ action: prefix, actor: `rita ${prefix}`.toUpperCase() })).toEqual([
      "workflow.APPROVE",
      "workflow.ADVANCE",
    ]);
    expect(await actions({ action: prefix, actor: actor.email.slice(0, 10) })).toEqual([
      "workflow.APPROVE",
      "workflow.ADVANCE",
    ]);
    // Picked from the list: a person by id, or what the system did by itself.
    expect(await actions({ action: prefix, actorId: actor.id })).toEqual([
      "workflow.APPROVE",
      "workflow.ADVANCE",
    ]);
    expect(await actions({ action: prefix, actorId: "system" })).toEqual(["staff_created"]);
    expect(await actions({ action: prefix, entityType: "user", entityId: actor.id })).toEqual([
      "staff_created",
      "staff.created",
    ]);
    expect(
      await actions({ action: prefix, entityId: formatApplicationNumber(application.number).toLowerCase() }),
    ).toEqual(["workflow.APPROVE", "workflow.ADVANCE"]);
    // 2026-03-10 in Shanghai ends at 16:00 UTC; in UTC it ends at midnight.
    expect(await actions({ action: prefix, from: "2026-03-10", to: "2026-03-10" }, "Asia/Shanghai")).toEqual([
      "workflow.ADVANCE",
    ]);
    expect(await actions({ action: prefix, from: "2026-03-10", to: "2026-03-10" })).toEqual([
      "workflow.APPROVE",
      "workflow.ADVANCE",
    ]);
    expect(await actions({ action: prefix, from: "2026-03-11" }, "Asia/Shanghai")).toEqual([
      "staff_created",
      "staff.created",
      "workflow.APPROVE",
    ]);

    const [approve] = (await listAuditEntries(admin, query({ action: `${prefix}workflow.APPROVE` }), "UTC"))
      .items;
    expect(approve).toMatchObject({
      applicationNumber: application.number,
      actor: { displayName: actor.displayName, email: actor.email },
    });
  });

  it("names the people and cases a page mentions, linking staff to their page and not applicants", async () => {
    const prefix = tagged();
    const reviewer = await createTestUser("REVIEWER");
    const applicant = await createTestUser("APPLICANT");
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId: await createTestService(),
    });
    await db.auditLog.create({
      data: {
        actorId: applicant.id,
        action: `${prefix}sla.warned`,
        entityType: "notification",
        entityId: randomUUID(),
        details: { recipients: [reviewer.id], applicationId: application.id, other: randomUUID() },
      },
    });
    const page = await listAuditEntries(admin, query({ action: prefix }), "UTC");
    expect(page.people.get(reviewer.id)).toEqual({
      name: reviewer.displayName,
      role: "REVIEWER",
      href: `/console/admin/staff/${reviewer.id}`,
    });
    expect(page.people.get(applicant.id)).toEqual({
      name: applicant.displayName,
      role: "APPLICANT",
      href: null,
    });
    expect(page.cases.get(application.id)).toBe(application.number);
    expect(page.people.size + page.cases.size).toBe(3);
  });

  it("offers staff by name for the person filter, never applicants, bounded", async () => {
    const reviewer = await createTestUser("REVIEWER");
    const applicant = await createTestUser("APPLICANT");
    const { people, more } = await listAuditPeople(admin);
    const ids = people.map((person) => person.id);
    expect(ids).toContain(reviewer.id);
    expect(ids).not.toContain(applicant.id);
    expect(people.length).toBeLessThanOrEqual(AUDIT_PEOPLE_LIMIT);
    expect(typeof more).toBe("boolean");
    await expect(listAuditPeople(await createTestUser("SUPERVISOR"))).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
  });
});
