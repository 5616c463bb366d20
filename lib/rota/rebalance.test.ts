import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { rebalanceCases } from "./rebalance-mutations";
import type { RebalanceInput } from "./rebalance-schema";
import { ZONE, makeCase, makeService, makeShift, makeStaff, shanghai } from "./rota.fixtures";

withTestDatabase();

// Wednesday 2 December 2026 in Shanghai.
const NOW = shanghai("2026-12-02T10:00");

async function setUp() {
  const service = await makeService();
  const other = await makeService();
  const [busy, calm, calmer, notHandling, offDuty] = await Promise.all([
    makeStaff("REVIEWER", { services: [service.id] }),
    makeStaff("REVIEWER", { services: [service.id] }),
    makeStaff("REVIEWER", { services: [service.id] }),
    makeStaff("REVIEWER", { services: [other.id] }),
    makeStaff("REVIEWER", { services: [service.id] }),
  ]);
  const supervisor = await makeStaff("SUPERVISOR");
  await makeShift(3, "08:00", "16:00", [busy.id, calm.id, calmer.id, notHandling.id, supervisor.id]);
  await makeShift(3, "16:00", "00:00", [offDuty.id]);
  const applicant = await makeStaff("APPLICANT");
  const cases = [];
  for (let index = 0; index < 6; index++)
    cases.push(await makeCase(service.id, { applicantId: applicant.id, assigneeId: busy.id }));
  await makeCase(service.id, { applicantId: applicant.id, assigneeId: calmer.id });
  return { busy, calm, calmer, notHandling, offDuty, supervisor, cases };
}

const run = (viewer: Parameters<typeof rebalanceCases>[0], input: RebalanceInput) =>
  rebalanceCases(viewer, input, { now: NOW, timeZone: ZONE });

const holders = async (ids: string[]) =>
  (
    await db.application.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { assigneeId: true },
    })
  ).map((row) => row.assigneeId);

describe("rebalanceCases", () => {
  it("moves the selected cases to one colleague on duty with one note, audited; the others stay", async () => {
    const { busy, calm, supervisor, cases } = await setUp();
    const moved = cases.slice(0, 4).map((item) => item.id);
    const result = await run(supervisor, {
      fromUserId: busy.id,
      mode: "person",
      toUserId: calm.id,
      note: "Busy has too many",
      applicationIds: moved,
    });
    expect(result).toEqual({ moved: 4, assignees: { [calm.id]: 4 } });
    expect(await holders(moved)).toEqual([calm.id, calm.id, calm.id, calm.id]);
    expect(await holders(cases.slice(4).map((item) => item.id))).toEqual([busy.id, busy.id]);
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { applicationId: moved[0], action: "ASSIGNED" },
      select: { actorId: true, internalNote: true, noteKey: true, noteParams: true },
    });
    // A system note (key + parameters), read in each viewer's language; nothing stored as text.
    expect(event).toEqual({
      actorId: supervisor.id,
      internalNote: null,
      noteKey: "rebalanced",
      noteParams: { name: calm.displayName, note: "Busy has too many" },
    });
    expect(
      await db.auditLog.count({ where: { actorId: supervisor.id, action: "rota.caseRebalanced" } }),
    ).toBe(4);
    expect(
      await db.auditLog.findFirstOrThrow({
        where: { actorId: supervisor.id, action: "rota.rebalanced" },
        select: { entityId: true, details: true },
      }),
    ).toMatchObject({ entityId: busy.id, details: { mode: "person", cases: 4 } });
  });

  it("spreads cases over the reviewers on duty who handle the service, least-loaded first", async () => {
    const { busy, calm, calmer, supervisor, cases } = await setUp();
    const ids = cases.slice(0, 5).map((item) => item.id);
    const result = await run(supervisor, {
      fromUserId: busy.id,
      mode: "spread",
      note: "Share",
      applicationIds: ids,
    });
    // calm had 0 and calmer 1: calm takes the first, then they alternate as their loads even out.
    expect(result.assignees).toEqual({ [calm.id]: 3, [calmer.id]: 2 });
  });

  it("refuses an ineligible colleague or a case that is not the person's, moving nothing", async () => {
    const { busy, calm, notHandling, offDuty, supervisor, cases } = await setUp();
    const ids = cases.map((item) => item.id);
    for (const toUserId of [notHandling.id, offDuty.id]) {
      await expect(
        run(supervisor, { fromUserId: busy.id, mode: "person", toUserId, note: "x", applicationIds: ids }),
      ).rejects.toMatchObject({ messageKey: "rota.rebalance.errors.targetNotEligible" });
    }
    await expect(
      run(supervisor, {
        fromUserId: calm.id,
        mode: "person",
        toUserId: busy.id,
        note: "x",
        applicationIds: ids,
      }),
    ).rejects.toMatchObject({ messageKey: "rota.rebalance.errors.casesChanged" });
    expect(new Set(await holders(ids))).toEqual(new Set([busy.id]));
  });

  it("refuses a reviewer (only supervisors and administrators rebalance)", async () => {
    const { busy, calm, cases } = await setUp();
    const ids = cases.map((item) => item.id);
    await expect(
      run(calm, {
        fromUserId: busy.id,
        mode: "person",
        toUserId: calm.id,
        note: "mine now",
        applicationIds: ids,
      }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    expect(new Set(await holders(ids))).toEqual(new Set([busy.id]));
  });
});
