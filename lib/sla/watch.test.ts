import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { performTransition, requestSupplement } from "@/lib/workflow/mutations";
import { runOverdueWatch } from "./mutations";
import {
  TARGETS,
  at,
  auditActions,
  createSlaWorld,
  openCase,
  watchNotices,
  type SlaWorld,
} from "./sla.fixtures";

withTestDatabase();

let world: SlaWorld;
beforeAll(async () => {
  world = await createSlaWorld();
});

const flags = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { slaWarnedAt: true, slaEscalatedAt: true, version: true },
  });
const summarize = (rows: Awaited<ReturnType<typeof watchNotices>>) =>
  rows.map((row) => [row.template, row.channel, row.recipientId]);

describe("runOverdueWatch", () => {
  it("warns the assignee exactly once when the node crosses 75 %, then escalates exactly once past 100 %", async () => {
    const application = await openCase(world, { assigneeId: world.reviewer.id });
    // 75 % of 120 minutes is 90.
    await runOverdueWatch({ now: at(89) });
    expect(await watchNotices(application.id)).toEqual([]);
    for (const minute of [91, 92, 110, 119]) await runOverdueWatch({ now: at(minute) });
    expect(summarize(await watchNotices(application.id))).toEqual([
      ["sla.warning", "IN_APP", world.reviewer.id],
    ]);
    expect(await flags(application.id)).toEqual({
      slaWarnedAt: at(91),
      slaEscalatedAt: null,
      version: application.version,
    });

    for (const minute of [121, 122, 300]) await runOverdueWatch({ now: at(minute) });
    const notices = await watchNotices(application.id);
    expect(summarize(notices)).toEqual([
      ["sla.warning", "IN_APP", world.reviewer.id],
      ["case.expedited", "IN_APP", world.applicant.id],
      ["case.expedited", "EMAIL", world.applicant.id],
      // By text too (the template's sms flag): being expedited is news away from email.
      ["case.expedited", "SMS", world.applicant.id],
      // The supervisor on duty, not the one off duty.
      ["sla.overdue", "IN_APP", world.onDuty.id],
    ]);
    // The new expected time: the node's target again, from the escalation.
    expect(notices[2]!.payload).toEqual({
      number: application.number,
      node: "MATERIAL_CHECK",
      expectedAt: at(121 + TARGETS.MATERIAL_CHECK).toISOString(),
    });
    // The staff alert says when the step was due (issue 15).
    expect(notices[4]!.payload).toEqual({
      number: application.number,
      node: "MATERIAL_CHECK",
      dueAt: at(TARGETS.MATERIAL_CHECK).toISOString(),
    });
    // Bookkeeping, not a change to the case: a reviewer's open form stays valid.
    expect(await flags(application.id)).toEqual({
      slaWarnedAt: at(91),
      slaEscalatedAt: at(121),
      version: application.version,
    });
    expect(await auditActions(application.id)).toEqual([
      { action: "sla.warned", actorId: null },
      { action: "sla.escalated", actorId: null },
    ]);
  });

  it("gives a case that jumps straight past its due time one escalation and no late warning", async () => {
    const application = await openCase(world, { assigneeId: world.reviewer.id });
    await runOverdueWatch({ now: at(200) });
    await runOverdueWatch({ now: at(201) });
    expect((await watchNotices(application.id)).map((row) => row.template).sort()).toEqual([
      "case.expedited",
      "case.expedited",
      "case.expedited",
      "sla.overdue",
    ]);
    expect(await flags(application.id)).toMatchObject({ slaWarnedAt: at(200), slaEscalatedAt: at(200) });
  });

  it("warns the supervisor on duty about an unassigned case", async () => {
    const application = await openCase(world);
    await runOverdueWatch({ now: at(100) });
    expect(summarize(await watchNotices(application.id))).toEqual([
      ["sla.warning", "IN_APP", world.onDuty.id],
    ]);
  });

  it("never warns about or escalates a case waiting for the applicant's supplement", async () => {
    const application = await openCase(world, { assigneeId: world.reviewer.id });
    await requestSupplement({
      applicationId: application.id,
      expectedVersion: application.version,
      viewer: world.reviewer,
      items: [{ problem: "The photo is blurred." }],
      dueAt: at(60),
      now: at(10),
    });
    // Long past both the supplement's due time and the old node's.
    for (const minute of [50, 100, 130, 2000]) await runOverdueWatch({ now: at(minute) });
    expect(await watchNotices(application.id)).toEqual([]);
    expect(await flags(application.id)).toMatchObject({ slaWarnedAt: null, slaEscalatedAt: null });
  });

  it("warns and escalates again for the next node after the case moves on", async () => {
    const application = await openCase(world, { assigneeId: world.reviewer.id });
    await runOverdueWatch({ now: at(130) });
    const moved = await performTransition({
      applicationId: application.id,
      expectedVersion: application.version,
      viewer: world.onDuty,
      transition: "ADVANCE",
      now: at(140),
    });
    expect(await flags(application.id)).toEqual({
      slaWarnedAt: null,
      slaEscalatedAt: null,
      version: moved.version,
    });

    // SUBSTANTIVE_REVIEW: 240 minutes from minute 140; 75 % at minute 320.
    await runOverdueWatch({ now: at(319) });
    await runOverdueWatch({ now: at(321) });
    await runOverdueWatch({ now: at(322) });
    const warnings = (await watchNotices(application.id)).filter((row) => row.template === "sla.warning");
    expect(warnings.map((row) => [row.recipientId, (row.payload as { node: string }).node])).toEqual([
      [world.reviewer.id, "SUBSTANTIVE_REVIEW"],
    ]);

    await runOverdueWatch({ now: at(381) });
    await runOverdueWatch({ now: at(390) });
    const overdue = (await watchNotices(application.id)).filter((row) => row.template === "sla.overdue");
    expect(overdue.map((row) => (row.payload as { node: string }).node)).toEqual([
      "MATERIAL_CHECK",
      "SUBSTANTIVE_REVIEW",
    ]);
    expect((await auditActions(application.id)).map((row) => row.action)).toEqual([
      "sla.escalated",
      "sla.warned",
      "sla.escalated",
    ]);
  });

  it("leaves closed cases alone", async () => {
    const application = await openCase(world, {
      status: "WITHDRAWN",
      currentNode: "WITHDRAWN",
      closedAt: at(5),
      neededBy: at(1),
    });
    await runOverdueWatch({ now: at(500) });
    expect(await watchNotices(application.id)).toEqual([]);
  });
});
