import { describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/mutations";
import { getPagingByShift } from "@/lib/dashboard/paging-data";
import { parseDashboardFilters } from "@/lib/dashboard/schema";
import { db } from "@/lib/db";
import { runOverdueWatch } from "@/lib/sla/mutations";
import { createTestApplication } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { requestCaseFollowUp } from "@/lib/workflow/operation-mutations";
import { findPageForLink } from "./data";
import { PageLinkError } from "./errors";
import { acknowledgePage, pageStaff, runPageEscalation, updatePagingProfile } from "./mutations";
import { pagingProfileSchema } from "./schema";
import {
  MINUTE,
  ZONE,
  applicationInput,
  createPagingWorld,
  makePagingStaff,
  onDay,
  pageMessages,
  summary,
  tokenOf,
} from "./paging.fixtures";

withTestDatabase();

const pagesOf = (applicationId: string) =>
  db.page.findMany({
    where: { applicationId },
    orderBy: [{ createdAt: "asc" }, { recipientId: "asc" }],
    select: {
      id: true,
      reason: true,
      recipientId: true,
      ackDueAt: true,
      escalatesId: true,
      escalatedAt: true,
    },
  });

const auditOf = (applicationId: string, action: string) =>
  db.auditLog.findMany({
    where: { entityId: applicationId, action },
    select: { actorId: true, details: true },
  });

describe("who is paged, and how", () => {
  it("pages the on-duty reviewer who got a new express case, by email and SMS as they prefer; urgent cases page nobody", async () => {
    const world = await createPagingWorld(1);
    const express = await createApplication(
      world.applicant,
      applicationInput(world.service.code, "EXPRESS", world.night),
      {
        now: world.night,
      },
    );
    const urgent = await createApplication(
      world.applicant,
      applicationInput(world.service.code, "URGENT", world.night),
      {
        now: world.night,
      },
    );
    const messages = await pageMessages(express.id);
    expect(summary(messages)).toEqual(
      [
        `page.newExpress:EMAIL:${world.reviewer.id}→${world.reviewer.email}`,
        `page.newExpress:SMS:${world.reviewer.id}→+8613800138001`,
      ].sort(),
    );
    // The message names the case and the link, nothing about the applicant.
    for (const row of messages) expect(Object.keys(row.payload as object).sort()).toEqual(["number", "path"]);
    expect(await pagesOf(express.id)).toEqual([
      expect.objectContaining({
        reason: "NEW_EXPRESS",
        recipientId: world.reviewer.id,
        // Express: 15 minutes, the first-contact promise.
        ackDueAt: new Date(world.night.getTime() + 15 * MINUTE),
      }),
    ]);
    // Only the hash is stored: the token in the link is not in the page table.
    const stored = await db.page.findFirstOrThrow({
      where: { applicationId: express.id },
      select: { tokenHash: true },
    });
    expect(stored.tokenHash).not.toBe(tokenOf(messages[0]!));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await pageMessages(urgent.id)).toEqual([]);
  });

  it("with nobody on duty, pages every active supervisor (the rota's unstaffed rule), with no escalation above them", async () => {
    const world = await createPagingWorld(1);
    // Monday noon: no shift of this test's rota covers it.
    const noon = onDay(1, "12:00");
    const created = await createApplication(
      world.applicant,
      applicationInput(world.service.code, "EXPRESS", noon),
      {
        now: noon,
      },
    );
    const supervisors = await db.user.findMany({
      where: { role: "SUPERVISOR", active: true },
      select: { id: true },
    });
    const pages = await pagesOf(created.id);
    expect(pages.map((page) => page.recipientId).sort()).toEqual(supervisors.map((user) => user.id).sort());
    expect(pages.every((page) => page.reason === "NEW_EXPRESS" && page.ackDueAt === null)).toBe(true);
  });

  it("pages the assignee on duty about a follow-up (催办), and the supervisor on duty when the assignee is off duty", async () => {
    const world = await createPagingWorld(2);
    const offDuty = await makePagingStaff("REVIEWER", "EMAIL", null, world.service.id);
    const open = (assigneeId: string) =>
      createTestApplication({
        applicantId: world.applicant.id,
        serviceId: world.service.id,
        tier: "STANDARD",
        assigneeId,
        currentNode: "MATERIAL_CHECK",
        nodeDueAt: new Date(world.night.getTime() - 60 * MINUTE),
      });
    const onShift = await open(world.reviewer.id);
    const away = await open(offDuty.id);
    for (const application of [onShift, away])
      await requestCaseFollowUp({
        applicationId: application.id,
        expectedVersion: application.version,
        viewer: { id: world.applicant.id, role: "APPLICANT" },
        now: world.night,
      });
    expect(summary(await pageMessages(onShift.id))).toEqual(
      [
        `page.followUp:EMAIL:${world.reviewer.id}→${world.reviewer.email}`,
        `page.followUp:SMS:${world.reviewer.id}→+8613800138001`,
      ].sort(),
    );
    // Standard: 120 minutes to acknowledge (decision 036).
    expect((await pagesOf(onShift.id))[0]!.ackDueAt).toEqual(new Date(world.night.getTime() + 120 * MINUTE));
    expect(summary(await pageMessages(away.id))).toEqual([
      `page.followUp:SMS:${world.supervisor.id}→+8613800138002`,
    ]);
  });

  it("pages the supervisor on duty when the overdue watch escalates a case, and about a needed-by date at risk", async () => {
    const world = await createPagingWorld(3);
    const application = await createTestApplication({
      applicantId: world.applicant.id,
      serviceId: world.service.id,
      tier: "URGENT",
      status: "IN_PROGRESS",
      currentNode: "MATERIAL_CHECK",
      nodeEnteredAt: new Date(world.night.getTime() - 120 * MINUTE),
      nodeDueAt: new Date(world.night.getTime() - MINUTE),
      caseDueAt: new Date(world.night.getTime() + 3 * 24 * 60 * MINUTE),
      neededBy: new Date(world.night.getTime() + 2 * 24 * 60 * MINUTE),
    });
    await runOverdueWatch({ now: world.night });
    expect(summary(await pageMessages(application.id))).toEqual(
      [
        `page.deadlineRisk:SMS:${world.supervisor.id}→+8613800138002`,
        `page.escalation:SMS:${world.supervisor.id}→+8613800138002`,
      ].sort(),
    );
  });
});

describe("the acknowledge link", () => {
  async function pagedCase(weekday: number) {
    const world = await createPagingWorld(weekday);
    const application = await createTestApplication({
      applicantId: world.applicant.id,
      serviceId: world.service.id,
      tier: "EXPRESS",
      assigneeId: world.reviewer.id,
    });
    const caseRef = { id: application.id, number: application.number, tier: "EXPRESS" as const };
    await db.$transaction((tx) =>
      pageStaff(tx, { caseRef, reason: "NEW_EXPRESS", recipientIds: [world.reviewer.id], now: world.night }),
    );
    const [message] = await pageMessages(application.id);
    return { world, application, token: tokenOf(message!) };
  }

  it("works once, for its recipient only; a wrong, someone else's or expired token is refused", async () => {
    const { world, application, token } = await pagedCase(4);
    const reviewer = { id: world.reviewer.id, role: "REVIEWER" as const };
    const supervisor = { id: world.supervisor.id, role: "SUPERVISOR" as const };
    const later = new Date(world.night.getTime() + 5 * MINUTE);
    // Opening the page shows it and changes nothing (a link scanner acknowledges nothing).
    expect(await findPageForLink(reviewer, token, later)).toMatchObject({
      number: application.number,
      reason: "NEW_EXPRESS",
      acknowledgedAt: null,
    });
    expect(await findPageForLink(supervisor, token, later)).toBeNull();
    expect(await findPageForLink(reviewer, `${token}x`, later)).toBeNull();
    await expect(acknowledgePage({ token, viewerId: supervisor.id, now: later })).rejects.toBeInstanceOf(
      PageLinkError,
    );
    await expect(
      acknowledgePage({ token: "nope", viewerId: reviewer.id, now: later }),
    ).rejects.toBeInstanceOf(PageLinkError);
    expect(await auditOf(application.id, "paging.acknowledged")).toEqual([]);

    expect(await acknowledgePage({ token, viewerId: reviewer.id, now: later })).toEqual({
      number: application.number,
      acknowledgedAt: later,
      already: false,
    });
    // Idempotent: a second press says when the first one was, and records nothing more.
    const again = new Date(later.getTime() + MINUTE);
    expect(await acknowledgePage({ token, viewerId: reviewer.id, now: again })).toEqual({
      number: application.number,
      acknowledgedAt: later,
      already: true,
    });
    expect(await auditOf(application.id, "paging.acknowledged")).toEqual([
      {
        actorId: reviewer.id,
        details: expect.objectContaining({ number: application.number, reason: "NEW_EXPRESS" }),
      },
    ]);
    expect(await findPageForLink(reviewer, token, again)).toMatchObject({ acknowledgedAt: later });

    // Expired: 24 hours after the page.
    const { world: other, token: stale } = await pagedCase(4);
    const dayLater = new Date(other.night.getTime() + 24 * 60 * MINUTE);
    expect(await findPageForLink({ id: other.reviewer.id, role: "REVIEWER" }, stale, dayLater)).toBeNull();
    await expect(
      acknowledgePage({ token: stale, viewerId: other.reviewer.id, now: dayLater }),
    ).rejects.toBeInstanceOf(PageLinkError);
  });

  it("unacknowledged after 15 minutes pages the supervisor on duty exactly once, even with two concurrent runs; never after an acknowledgement", async () => {
    const { world, application } = await pagedCase(6);
    const acked = await pagedCase(6);
    await acknowledgePage({
      token: acked.token,
      viewerId: acked.world.reviewer.id,
      now: new Date(acked.world.night.getTime() + 14 * MINUTE),
    });
    const at = (minutes: number) => new Date(world.night.getTime() + minutes * MINUTE);

    expect(await runPageEscalation({ now: at(14.99), timeZone: ZONE })).toBe(0);
    const [first, second] = await Promise.all([
      runPageEscalation({ now: at(15), timeZone: ZONE, batchSize: 1 }),
      runPageEscalation({ now: at(15), timeZone: ZONE, batchSize: 1 }),
    ]);
    expect(first + second).toBe(1);
    expect(await runPageEscalation({ now: at(16), timeZone: ZONE })).toBe(0);

    // Both supervisors of Saturday night (this test's two worlds) are on duty: each gets one page.
    const pages = await pagesOf(application.id);
    const supervisors = [world.supervisor.id, acked.world.supervisor.id].sort();
    expect(pages).toEqual([
      expect.objectContaining({ reason: "NEW_EXPRESS", recipientId: world.reviewer.id, escalatedAt: at(15) }),
      ...supervisors.map((recipientId) =>
        expect.objectContaining({
          reason: "UNACKNOWLEDGED",
          recipientId,
          escalatesId: pages[0]!.id,
          ackDueAt: null,
        }),
      ),
    ]);
    expect(
      summary(await pageMessages(application.id)).filter((line) => line.startsWith("page.unacknowledged")),
    ).toEqual(supervisors.map((id) => `page.unacknowledged:SMS:${id}→+8613800138002`));
    expect(await auditOf(application.id, "paging.escalated")).toHaveLength(1);
    expect((await pagesOf(acked.application.id)).map((page) => page.reason)).toEqual(["NEW_EXPRESS"]);
  });
});

describe("the dashboard's paging figures", () => {
  it("reports time to first contact and to acknowledgement per shift", async () => {
    const world = await createPagingWorld(7);
    const at = (minutes: number) => new Date(world.night.getTime() + minutes * MINUTE);
    const open = (submittedAt: Date) =>
      createTestApplication({
        applicantId: world.applicant.id,
        serviceId: world.service.id,
        tier: "EXPRESS",
        submittedAt,
      });
    const staffEntry = (applicationId: string, occurredAt: Date) =>
      db.timelineEvent.create({
        data: {
          applicationId,
          node: "MATERIAL_CHECK",
          action: "NOTE_ADDED",
          actorId: world.reviewer.id,
          occurredAt,
        },
      });
    // Paged at 23:00 and acknowledged 5 minutes later; the first note came at 23:20: first contact 5 min.
    const paged = await open(at(0));
    await db.$transaction((tx) =>
      pageStaff(tx, {
        caseRef: { id: paged.id, number: paged.number, tier: "EXPRESS" },
        reason: "NEW_EXPRESS",
        recipientIds: [world.reviewer.id],
        now: at(0),
      }),
    );
    const [message] = await pageMessages(paged.id);
    await acknowledgePage({ token: tokenOf(message!), viewerId: world.reviewer.id, now: at(5) });
    await staffEntry(paged.id, at(20));
    // Not paged; a note 30 minutes after submission.
    const noted = await open(at(10));
    await staffEntry(noted.id, at(40));
    // Sunday noon, no shift on duty, nobody in touch yet.
    await open(onDay(7, "12:00"));

    const filters = parseDashboardFilters(
      { from: "2026-11-29", to: "2026-11-29", service: world.service.id },
      { now: at(60), timeZone: ZONE },
    );
    const rows = await getPagingByShift({ id: world.supervisor.id, role: "SUPERVISOR" }, filters);
    expect(rows).toEqual([
      {
        shift: "22:00–06:00",
        contact: { total: 2, done: 2, medianMinutes: 17.5, p90Minutes: 27.5 },
        ack: { total: 1, done: 1, medianMinutes: 5, p90Minutes: 5 },
      },
      {
        shift: null,
        contact: { total: 1, done: 0, medianMinutes: null, p90Minutes: null },
        ack: { total: 0, done: 0, medianMinutes: null, p90Minutes: null },
      },
    ]);
    await expect(getPagingByShift({ id: world.reviewer.id, role: "REVIEWER" }, filters)).rejects.toThrow();
  });
});

describe("paging settings", () => {
  it("keep the mobile number in E.164 and the preference, audited without the number", async () => {
    const user = await makePagingStaff("REVIEWER", "EMAIL", null);
    const input = pagingProfileSchema.parse({ phone: "138 0013 8000", preference: "BOTH" });
    await updatePagingProfile(user.id, input, onDay(1, "09:00"));
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { phone: true, pagingPreference: true },
      }),
    ).toEqual({ phone: "+8613800138000", pagingPreference: "BOTH" });
    expect(
      await db.auditLog.findMany({
        where: { entityId: user.id, action: "paging.profileUpdated" },
        select: { actorId: true, details: true },
      }),
    ).toEqual([{ actorId: user.id, details: { preference: "BOTH", hasPhone: true } }]);
  });
});
