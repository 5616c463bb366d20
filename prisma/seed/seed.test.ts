import { describe, expect, it } from "vitest";
import { validateApplicationNumber } from "@/lib/applications/application-number";
import { defaultSupplementDueAt } from "@/lib/applications/deadline";
import { nextDueOf } from "@/lib/cases/next-due";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { DEMO_PASSWORD } from "./users";
import { seedDemoData } from "./index";

withTestDatabase();

async function counts() {
  return {
    users: await db.user.count(),
    services: await db.serviceType.count(),
    tiers: await db.serviceTier.count(),
    evidence: await db.evidenceRequirement.count(),
    applications: await db.application.count(),
    events: await db.timelineEvent.count(),
    supplements: await db.supplementRequest.count(),
    shifts: await db.shift.count(),
    shiftMembers: await db.shiftMember.count(),
  };
}

describe("seedDemoData", () => {
  it("creates the demo catalog, staff and cases, and is idempotent", async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    const first = await counts();
    expect(first).toMatchObject({
      users: 5,
      services: 5,
      applications: 6,
      supplements: 1,
      shifts: 21,
      shiftMembers: 35,
    });

    // An admin's edit survives a reseed, and nothing is duplicated.
    await db.serviceType.update({ where: { code: "passport-renewal" }, data: { baseFeeMinor: 99900 } });
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    expect(await counts()).toEqual(first);
    expect(
      (await db.serviceType.findUniqueOrThrow({ where: { code: "passport-renewal" } })).baseFeeMinor,
    ).toBe(99900);
  });

  it("gives the demo reviewers their services once, keeping an administrator's later changes", async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    const handled = (email: string) => db.staffService.count({ where: { user: { email } } });
    expect(await handled("reviewer1@expedite.test")).toBe(5);
    expect(await handled("reviewer2@expedite.test")).toBe(3);
    await db.staffService.deleteMany({
      where: { user: { email: "reviewer2@expedite.test" }, service: { code: "passport-renewal" } },
    });
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    expect(await handled("reviewer2@expedite.test")).toBe(2);
  });

  it("gives every case a valid application number and the demo users the documented password", async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    for (const { number } of await db.application.findMany({ select: { number: true } })) {
      expect(validateApplicationNumber(number)).toEqual({ ok: true, number });
    }
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@expedite.test" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
  });

  it("gives demo cases the due times the rules give real ones, so list and case page agree", async () => {
    const now = new Date("2026-12-05T08:00:00Z");
    await seedDemoData(db, { idHashKey: "k".repeat(32), now });
    const cases = await db.application.findMany({
      where: { closedAt: null },
      select: {
        number: true,
        status: true,
        currentNode: true,
        nodeDueAt: true,
        nodeEnteredAt: true,
        timeline: { orderBy: { occurredAt: "desc" }, take: 1, select: { occurredAt: true, dueAt: true } },
        supplementRequests: { where: { status: "OPEN" }, select: { createdAt: true, dueAt: true } },
      },
    });
    expect(cases.length).toBeGreaterThan(0);
    for (const row of cases) {
      const last = row.timeline[0]!;
      // As the workflow writes it: the case's due time is the one its last step got, from then.
      expect(row.nodeDueAt, row.number).toEqual(last.dueAt);
      expect(row.nodeEnteredAt, row.number).toEqual(last.occurredAt);
      const open = row.supplementRequests[0];
      const listed = nextDueOf({ ...row, openSupplementDueAt: null }, now);
      const onCasePage = nextDueOf({ ...row, openSupplementDueAt: open?.dueAt ?? null }, now);
      expect(listed, row.number).toEqual(onCasePage);
      if (open) {
        expect(open.dueAt).toEqual(defaultSupplementDueAt(open.createdAt));
        expect(onCasePage?.overdue).toBe(false);
      }
    }
    // The medical case waits for the applicant: its deadline is the request's, still ahead.
    expect(cases.filter((row) => row.supplementRequests.length > 0)).toHaveLength(1);
  });

  it("offers visa invitations without an express tier", async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    const visa = await db.serviceType.findUniqueOrThrow({
      where: { code: "visa-invitation" },
      select: { tiers: { select: { tier: true } } },
    });
    expect(visa.tiers.map((tier) => tier.tier).sort()).toEqual(["STANDARD", "URGENT"]);
  });

  it("staffs three shifts a day round the clock once, keeping a supervisor's later rota", async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    const shiftsOf = async (email: string) =>
      (
        await db.shift.findMany({
          where: { members: { some: { user: { email } } } },
          select: { startMinute: true },
        })
      ).map((shift) => shift.startMinute / 60);
    const count = (hours: number[], hour: number) => hours.filter((value) => value === hour).length;
    const first = await shiftsOf("reviewer1@expedite.test");
    expect([count(first, 8), count(first, 16), count(first, 0)]).toEqual([7, 7, 0]);
    expect(await shiftsOf("supervisor@expedite.test")).toHaveLength(14);
    const night = await shiftsOf("reviewer2@expedite.test");
    expect([night.length, count(night, 0)]).toEqual([7, 7]);

    await db.shift.deleteMany({ where: { weekday: 7 } });
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
    expect(await db.shift.count()).toBe(18);
  });
});
