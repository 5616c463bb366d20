import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { assignOnDuty } from "./auto-assign-mutations";
import { listOverloadedStaff } from "./load-data";
import { rebalanceCases } from "./rebalance-mutations";
import { ZONE, makeCase, makeService, makeShift, makeStaff, shanghai } from "./rota.fixtures";

withTestDatabase();

// Tuesday 1 December 2026 in Shanghai; each test has its own service, staff and supervisor.
const NOW = shanghai("2026-12-01T10:00");

async function setUp(threshold: number) {
  const service = await makeService();
  await db.serviceType.update({ where: { id: service.id }, data: { loadThreshold: threshold } });
  const reviewer = await makeStaff("REVIEWER", { services: [service.id] });
  const supervisor = await makeStaff("SUPERVISOR");
  const offDutySupervisor = await makeStaff("SUPERVISOR");
  await makeShift(2, "08:00", "16:00", [reviewer.id, supervisor.id]);
  const applicant = await makeStaff("APPLICANT");
  const newCase = () => makeCase(service.id, { applicantId: applicant.id });
  const held = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        makeCase(service.id, { applicantId: applicant.id, assigneeId: reviewer.id }),
      ),
    );
  return { service, reviewer, supervisor, offDutySupervisor, newCase, held };
}

const assign = (applicationId: string, serviceId: string) =>
  db.$transaction((tx) =>
    assignOnDuty(tx, { applicationId, serviceId, reason: "new", now: NOW, timeZone: ZONE }),
  );

const warnings = (recipientId: string) =>
  db.notification.findMany({
    where: { recipientId, template: "staff.overloaded" },
    select: { payload: true },
  });

/** Resolves once some statement waits for a lock another transaction holds. */
async function blockedOnALock() {
  for (;;) {
    const [row] = await db.$queryRaw<
      { waiting: number }[]
    >`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`;
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("load threshold", () => {
  it("warns the supervisor on duty once when one person's open load of the service passes it, and again after it fell back", async () => {
    const { service, reviewer, supervisor, offDutySupervisor, newCase, held } = await setUp(3);
    await held(2);
    for (let index = 0; index < 4; index++) await assign((await newCase()).id, service.id);

    // 3 is the threshold: the 4th case (load 4) crossed it, the 5th and 6th did not warn again.
    expect(await warnings(supervisor.id)).toEqual([
      { payload: expect.objectContaining({ person: reviewer.displayName, count: 4, threshold: 3 }) },
    ]);
    expect(await warnings(offDutySupervisor.id)).toEqual([]);
    expect(await listOverloadedStaff(supervisor)).toContainEqual(
      expect.objectContaining({ userId: reviewer.id, serviceId: service.id, openCases: 6, threshold: 3 }),
    );
    expect(await listOverloadedStaff(reviewer)).toEqual([]);

    // A supervisor takes four cases back: the load (2) is under again, so the next crossing warns again.
    const ids = (
      await db.application.findMany({ where: { assigneeId: reviewer.id }, select: { id: true }, take: 4 })
    ).map((row) => row.id);
    await rebalanceCases(
      supervisor,
      {
        fromUserId: reviewer.id,
        mode: "person",
        toUserId: supervisor.id,
        note: "Sharing",
        applicationIds: ids,
      },
      { now: NOW, timeZone: ZONE },
    );
    expect(await db.loadWarning.count({ where: { userId: reviewer.id } })).toBe(0);
    for (let index = 0; index < 2; index++) await assign((await newCase()).id, service.id);
    // (The supervisor now holds 4 and was warned about that too.)
    const aboutReviewer = (await warnings(supervisor.id)).filter(
      (row) => (row.payload as { person?: string }).person === reviewer.displayName,
    );
    expect(aboutReviewer).toHaveLength(2);
  });

  it.each([
    ["from just under the threshold", 2],
    ["from the threshold", 3],
  ])("warns exactly once when two assignments cross it at the same time (%s)", async (_label, start) => {
    const { service, supervisor, newCase, held } = await setUp(3);
    await held(start);
    const [first, second] = [await newCase(), await newCase()];
    // The first assignment stays uncommitted until the second has run or is waiting for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let assigned!: () => void;
    const firstAssigned = new Promise<void>((resolve) => (assigned = resolve));
    const one = db.$transaction(async (tx) => {
      await assignOnDuty(tx, {
        applicationId: first.id,
        serviceId: service.id,
        reason: "new",
        now: NOW,
        timeZone: ZONE,
      });
      assigned();
      await released;
    });
    await firstAssigned;
    const two = assign(second.id, service.id);
    await Promise.race([two, blockedOnALock()]);
    release();
    await Promise.all([one, two]);
    expect(await warnings(supervisor.id)).toHaveLength(1);
  });

  it("never warns for a service without a threshold", async () => {
    const { service, supervisor, newCase, held } = await setUp(3);
    await db.serviceType.update({ where: { id: service.id }, data: { loadThreshold: null } });
    await held(5);
    await assign((await newCase()).id, service.id);
    expect(await warnings(supervisor.id)).toEqual([]);
  });
});
