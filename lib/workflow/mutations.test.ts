import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type {
  ApplicationStatus,
  PaymentStatus,
  Role,
  UrgencyTier,
  WorkflowNode,
} from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  TransitionNotAllowedError,
  TransitionRequirementError,
} from "./errors";
import { performTransition, requestSupplement } from "./mutations";

withTestDatabase();

const NOW = new Date("2026-11-21T08:00:00Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32), now: NOW });
});

function makeUser(role: Role = "APPLICANT"): Promise<Viewer> {
  return createTestUser(role);
}

/** A case of a demo service (with node targets), placed directly in the given node. */
async function makeCase(
  applicant: Viewer,
  options: {
    node?: WorkflowNode;
    status?: ApplicationStatus;
    service?: string;
    tier?: UrgencyTier;
    assignee?: Viewer;
    paymentStatus?: PaymentStatus;
  } = {},
) {
  const service = await db.serviceType.findUniqueOrThrow({
    where: { code: options.service ?? "passport-renewal" },
    select: { id: true },
  });
  return createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
    tier: options.tier ?? "EXPRESS",
    neededBy: new Date(NOW.getTime() + 72 * HOUR),
    locale: "en",
    currentNode: options.node ?? "SUBMITTED",
    status: options.status ?? "IN_PROGRESS",
    assigneeId: options.assignee?.id ?? null,
    paymentStatus: options.paymentStatus ?? "PAID",
    submittedAt: new Date(NOW.getTime() - HOUR),
    timeline: {
      create: {
        node: "SUBMITTED",
        action: "SUBMITTED",
        actorId: applicant.id,
        occurredAt: new Date(NOW.getTime() - HOUR),
      },
    },
  });
}

/** Everything a transition may write, to prove that a refused one wrote nothing. */
async function footprint(applicationId: string) {
  const [application, timeline, audit, outbox, requests] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: { currentNode: true, status: true, version: true, nodeDueAt: true, closedAt: true },
    }),
    db.timelineEvent.count({ where: { applicationId } }),
    db.auditLog.count({ where: { entityId: applicationId } }),
    db.notification.count({ where: { applicationId } }),
    db.supplementRequest.findMany({ where: { applicationId }, select: { status: true } }),
  ]);
  return { application, timeline, audit, outbox, requests };
}

const dueTomorrow = new Date(NOW.getTime() + 24 * HOUR);
const ITEMS = [
  { problem: "The referral letter is not signed", suggestion: "Upload a signed copy" },
  { problem: "ID photo is blurred" },
];

describe("performTransition: staff advance", () => {
  it("moves the case, sets the node's due time from the tier's target and writes timeline, audit and outbox", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer });
    const result = await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      transition: "ADVANCE",
      input: { publicNote: "Picked up", internalNote: "Looks genuine" },
      now: NOW,
    });
    expect(result).toEqual({
      applicationId: application.id,
      number: application.number,
      version: 1,
      currentNode: "MATERIAL_CHECK",
      status: "IN_PROGRESS",
      supplementRequestId: null,
    });
    // Express passport renewal: 48 h, of which material check gets 10 %.
    const due = new Date(NOW.getTime() + Math.round(48 * 60 * 0.1) * 60_000);
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { currentNode: true, version: true, nodeDueAt: true, closedAt: true },
      }),
    ).toEqual({
      currentNode: "MATERIAL_CHECK",
      version: 1,
      nodeDueAt: due,
      closedAt: null,
    });
    const events = await db.timelineEvent.findMany({
      where: { applicationId: application.id },
      orderBy: { id: "asc" },
      select: { node: true, action: true, actorId: true, publicNote: true, internalNote: true, dueAt: true },
    });
    expect(events.at(-1)).toEqual({
      node: "MATERIAL_CHECK",
      action: "ADVANCED",
      actorId: reviewer.id,
      publicNote: "Picked up",
      internalNote: "Looks genuine",
      dueAt: due,
    });
    expect(
      await db.auditLog.findMany({
        where: { entityId: application.id },
        select: { actorId: true, action: true, entityType: true, details: true },
      }),
    ).toEqual([
      {
        actorId: reviewer.id,
        action: "workflow.ADVANCE",
        entityType: "application",
        details: {
          number: application.number,
          from: "SUBMITTED",
          to: "MATERIAL_CHECK",
          version: 1,
          supplementRequestId: null,
        },
      },
    ]);
    const outbox = await db.notification.findMany({
      where: { applicationId: application.id },
      orderBy: { channel: "asc" },
      select: {
        recipientId: true,
        channel: true,
        template: true,
        locale: true,
        payload: true,
        toAddress: true,
        status: true,
      },
    });
    expect(outbox).toEqual([
      {
        recipientId: applicant.id,
        channel: "IN_APP",
        template: "case.advanced",
        locale: "en",
        payload: { number: application.number, node: "MATERIAL_CHECK", dueAt: due.toISOString() },
        toAddress: null,
        status: "PENDING",
      },
      {
        recipientId: applicant.id,
        channel: "EMAIL",
        template: "case.advanced",
        locale: "en",
        payload: { number: application.number, node: "MATERIAL_CHECK", dueAt: due.toISOString() },
        toAddress: "applicant@test.example",
        status: "PENDING",
      },
    ]);
  });

  it("goes to expert review only for services that need it", async () => {
    const [applicant, supervisor] = [await makeUser(), await makeUser("SUPERVISOR")];
    const licence = await makeCase(applicant, { node: "SUBSTANTIVE_REVIEW", service: "business-licence" });
    const passport = await makeCase(applicant, { node: "SUBSTANTIVE_REVIEW" });
    const advance = (applicationId: string) =>
      performTransition({
        applicationId,
        expectedVersion: 0,
        viewer: supervisor,
        transition: "ADVANCE",
        now: NOW,
      });
    expect((await advance(licence.id)).currentNode).toBe("EXPERT_REVIEW");
    expect((await advance(passport.id)).currentNode).toBe("DECISION");
  });

  it("decides: approval notifies the result, a rejection needs a reason and closes the case", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const approved = await makeCase(applicant, { assignee: reviewer, node: "DECISION" });
    expect(
      await performTransition({
        applicationId: approved.id,
        expectedVersion: 0,
        viewer: reviewer,
        transition: "APPROVE",
        now: NOW,
      }),
    ).toMatchObject({
      currentNode: "RESULT_NOTIFIED",
      status: "APPROVED",
    });

    const rejected = await makeCase(applicant, { assignee: reviewer, node: "DECISION" });
    const before = await footprint(rejected.id);
    await expect(
      performTransition({
        applicationId: rejected.id,
        expectedVersion: 0,
        viewer: reviewer,
        transition: "REJECT",
        now: NOW,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { publicNote: ["case.errors.reasonRequired"] },
    });
    expect(await footprint(rejected.id)).toEqual(before);
    await performTransition({
      applicationId: rejected.id,
      expectedVersion: 0,
      viewer: reviewer,
      transition: "REJECT",
      input: { publicNote: "Not urgent" },
      now: NOW,
    });
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: rejected.id },
        select: { currentNode: true, status: true, closedAt: true, nodeDueAt: true },
      }),
    ).toEqual({
      currentNode: "REJECTED",
      status: "REJECTED",
      closedAt: NOW,
      nodeDueAt: null,
    });
  });

  it("issues the document only once a result document is on the case", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, {
      assignee: reviewer,
      node: "RESULT_NOTIFIED",
      status: "APPROVED",
    });
    const issue = () =>
      performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: reviewer,
        transition: "ISSUE_DOCUMENT",
        now: NOW,
      });
    await expect(issue()).rejects.toMatchObject({
      fieldErrors: { document: ["case.errors.resultDocumentRequired"] },
    });
    await db.evidenceFile.create({
      data: {
        applicationId: application.id,
        uploaderId: reviewer.id,
        kind: "RESULT_DOCUMENT",
        originalName: "result.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "x",
        storageKey: randomUUID(),
      },
    });
    expect(await issue()).toMatchObject({ currentNode: "DOCUMENT_ISSUED", status: "COMPLETED" });
    expect(
      await db.application.findUniqueOrThrow({ where: { id: application.id }, select: { closedAt: true } }),
    ).toEqual({ closedAt: NOW });
  });
});

describe("the supplement round trip", () => {
  it("staff request itemized problems with a due time; the applicant answers with a note", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer, node: "MATERIAL_CHECK" });
    const requested = await requestSupplement({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      items: ITEMS,
      dueAt: dueTomorrow,
      publicNote: "Two things to fix",
      now: NOW,
    });
    expect(requested).toMatchObject({
      currentNode: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
      version: 1,
    });
    const request = await db.supplementRequest.findUniqueOrThrow({
      where: { id: requested.supplementRequestId! },
      select: {
        applicationId: true,
        requestedById: true,
        status: true,
        dueAt: true,
        items: {
          orderBy: { sortOrder: "asc" },
          select: { problem: true, suggestion: true, sortOrder: true },
        },
      },
    });
    expect(request).toEqual({
      applicationId: application.id,
      requestedById: reviewer.id,
      status: "OPEN",
      dueAt: dueTomorrow,
      items: [
        { problem: ITEMS[0]!.problem, suggestion: ITEMS[0]!.suggestion, sortOrder: 0 },
        { problem: ITEMS[1]!.problem, suggestion: null, sortOrder: 1 },
      ],
    });
    expect(
      await db.application.findUniqueOrThrow({ where: { id: application.id }, select: { nodeDueAt: true } }),
    ).toEqual({ nodeDueAt: dueTomorrow });
    // The message carries the answer's due time (issue 15), the one thing an urgent applicant needs.
    expect(
      await db.notification.findFirst({
        where: { applicationId: application.id, channel: "EMAIL" },
        select: { template: true, payload: true },
      }),
    ).toEqual({
      template: "case.supplementRequested",
      payload: { number: application.number, node: "AWAITING_SUPPLEMENT", dueAt: dueTomorrow.toISOString() },
    });
    // Material needed in a hurry is also texted to the applicant's phone.
    expect(
      await db.notification.findFirst({
        where: { applicationId: application.id, channel: "SMS" },
        select: { template: true, toAddress: true, payload: true },
      }),
    ).toEqual({
      template: "case.supplementRequested",
      toAddress: "+86 138 0000 0000",
      payload: expect.objectContaining({ dueAt: dueTomorrow.toISOString() }),
    });

    const later = new Date(NOW.getTime() + HOUR);
    const answered = await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: applicant,
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Signed copy is at the front desk" },
      now: later,
    });
    expect(answered).toMatchObject({
      currentNode: "MATERIAL_CHECK",
      status: "IN_PROGRESS",
      version: 2,
      supplementRequestId: request && requested.supplementRequestId,
    });
    expect(
      await db.supplementRequest.findUniqueOrThrow({
        where: { id: requested.supplementRequestId! },
        select: { status: true, fulfilledAt: true },
      }),
    ).toEqual({ status: "FULFILLED", fulfilledAt: later });
  });

  it("stops the case clock while the applicant has the case, and starts each node's clock afresh", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer, node: "MATERIAL_CHECK" });
    const caseDueAt = new Date(NOW.getTime() + 48 * HOUR);
    await db.application.update({
      where: { id: application.id },
      data: { caseDueAt, slaWarnedAt: NOW, slaEscalatedAt: NOW },
    });
    await requestSupplement({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      items: ITEMS,
      dueAt: dueTomorrow,
      now: NOW,
    });
    const fiveHoursLater = new Date(NOW.getTime() + 5 * HOUR);
    await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: applicant,
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Here" },
      now: fiveHoursLater,
    });
    const after = await db.application.findUniqueOrThrow({
      where: { id: application.id },
      select: {
        caseDueAt: true,
        pausedMinutes: true,
        nodeEnteredAt: true,
        slaWarnedAt: true,
        slaEscalatedAt: true,
      },
    });
    expect(after.pausedMinutes).toBe(300);
    expect(after.caseDueAt).toEqual(new Date(caseDueAt.getTime() + 5 * HOUR));
    expect({
      nodeEnteredAt: after.nodeEnteredAt,
      slaWarnedAt: after.slaWarnedAt,
      slaEscalatedAt: after.slaEscalatedAt,
    }).toEqual({
      nodeEnteredAt: fiveHoursLater,
      slaWarnedAt: null,
      slaEscalatedAt: null,
    });
  });

  it("accepts an answer of files alone, and refuses one with neither files nor a note", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer, node: "SUBSTANTIVE_REVIEW" });
    const { supplementRequestId } = await requestSupplement({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      items: ITEMS,
      dueAt: dueTomorrow,
      now: NOW,
    });
    const answer = () =>
      performTransition({
        applicationId: application.id,
        expectedVersion: 1,
        viewer: applicant,
        transition: "PROVIDE_SUPPLEMENT",
        input: { publicNote: "   " },
        now: NOW,
      });

    const before = await footprint(application.id);
    await expect(answer()).rejects.toMatchObject({ fieldErrors: { note: ["case.errors.answerRequired"] } });
    expect(await footprint(application.id)).toEqual(before);

    await db.evidenceFile.create({
      data: {
        applicationId: application.id,
        supplementRequestId,
        uploaderId: applicant.id,
        kind: "SUPPLEMENT",
        originalName: "signed.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "y",
        storageKey: randomUUID(),
      },
    });
    expect(await answer()).toMatchObject({ currentNode: "MATERIAL_CHECK" });
  });

  it("refuses a request without itemized problems or with a due time in the past, writing nothing", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer, node: "MATERIAL_CHECK" });
    const before = await footprint(application.id);
    const request = (items: typeof ITEMS, dueAt: Date) =>
      requestSupplement({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: reviewer,
        items,
        dueAt,
        now: NOW,
      });
    await expect(request([], dueTomorrow)).rejects.toMatchObject({
      fieldErrors: { items: ["case.errors.itemsRequired"] },
    });
    await expect(request(ITEMS, new Date(NOW.getTime() - 1))).rejects.toMatchObject({
      fieldErrors: { dueAt: ["case.errors.dueAtInFuture"] },
    });
    await expect(request([{ problem: " " }], dueTomorrow)).rejects.toBeInstanceOf(TransitionRequirementError);
    expect(await footprint(application.id)).toEqual(before);
  });
});

describe("withdrawal", () => {
  it("closes the case for its owner with the reason on the timeline", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant, {
      node: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
    });
    await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: applicant,
      transition: "WITHDRAW",
      input: { publicNote: "Trip cancelled", internalNote: "smuggled" },
      now: NOW,
    });
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { currentNode: true, status: true, closedAt: true, nodeDueAt: true, version: true },
      }),
    ).toEqual({
      currentNode: "WITHDRAWN",
      status: "WITHDRAWN",
      closedAt: NOW,
      nodeDueAt: null,
      version: 1,
    });
    // Applicants write no internal notes, even when a crafted request carries one.
    expect(
      await db.timelineEvent.findFirst({
        where: { applicationId: application.id, action: "WITHDRAWN" },
        select: { publicNote: true, internalNote: true },
      }),
    ).toEqual({
      publicNote: "Trip cancelled",
      internalNote: null,
    });
  });

  it.each<WorkflowNode>(["DECISION", "RESULT_NOTIFIED", "DOCUMENT_ISSUED", "REJECTED", "WITHDRAWN"])(
    "is refused once the case is in %s",
    async (node) => {
      const applicant = await makeUser();
      const status: ApplicationStatus = {
        DECISION: "IN_PROGRESS",
        RESULT_NOTIFIED: "APPROVED",
        DOCUMENT_ISSUED: "COMPLETED",
        REJECTED: "REJECTED",
        WITHDRAWN: "WITHDRAWN",
      }[node as string] as ApplicationStatus;
      const application = await makeCase(applicant, { node, status });
      const before = await footprint(application.id);
      await expect(
        performTransition({
          applicationId: application.id,
          expectedVersion: 0,
          viewer: applicant,
          transition: "WITHDRAW",
          now: NOW,
        }),
      ).rejects.toBeInstanceOf(TransitionNotAllowedError);
      expect(await footprint(application.id)).toEqual(before);
    },
  );
});

describe("authorization", () => {
  it("answers another applicant exactly as for a missing case, and changes nothing", async () => {
    const [owner, stranger] = [await makeUser(), await makeUser()];
    const application = await makeCase(owner, { node: "AWAITING_SUPPLEMENT", status: "AWAITING_APPLICANT" });
    const before = await footprint(application.id);
    for (const transition of ["WITHDRAW", "PROVIDE_SUPPLEMENT"] as const) {
      await expect(
        performTransition({
          applicationId: application.id,
          expectedVersion: 0,
          viewer: stranger,
          transition,
          input: { publicNote: "mine now" },
          now: NOW,
        }),
      ).rejects.toBeInstanceOf(CaseNotFoundError);
    }
    await expect(
      performTransition({
        applicationId: randomUUID(),
        expectedVersion: 0,
        viewer: owner,
        transition: "WITHDRAW",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(
      performTransition({
        applicationId: "not-a-uuid",
        expectedVersion: 0,
        viewer: owner,
        transition: "WITHDRAW",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await footprint(application.id)).toEqual(before);
  });

  it.each<[Role | "owner", Parameters<typeof performTransition>[0]["transition"], WorkflowNode]>([
    ["owner", "ADVANCE", "SUBMITTED"],
    ["owner", "REQUEST_SUPPLEMENT", "MATERIAL_CHECK"],
    ["owner", "APPROVE", "DECISION"],
    ["REVIEWER", "WITHDRAW", "MATERIAL_CHECK"],
    ["SUPERVISOR", "PROVIDE_SUPPLEMENT", "AWAITING_SUPPLEMENT"],
    ["ADMIN", "ADVANCE", "SUBMITTED"],
    ["REVIEWER", "APPROVE", "SUBSTANTIVE_REVIEW"],
    ["REVIEWER", "REQUEST_SUPPLEMENT", "AWAITING_SUPPLEMENT"],
    // Reviewers act only on cases assigned to them (these are unassigned).
    ["REVIEWER", "ADVANCE", "SUBMITTED"],
    ["REVIEWER", "REQUEST_SUPPLEMENT", "MATERIAL_CHECK"],
    ["REVIEWER", "APPROVE", "DECISION"],
  ])("refuses %s doing %s in %s and changes nothing", async (who, transition, node) => {
    const owner = await makeUser();
    const viewer = who === "owner" ? owner : await makeUser(who);
    const application = await makeCase(owner, {
      node,
      status: node === "AWAITING_SUPPLEMENT" ? "AWAITING_APPLICANT" : "IN_PROGRESS",
    });
    const before = await footprint(application.id);
    await expect(
      performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer,
        transition,
        input: { items: ITEMS, dueAt: dueTomorrow, publicNote: "x" },
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    expect(await footprint(application.id)).toEqual(before);
  });
});

describe("assignment and payment", () => {
  it("refuses a reviewer on a case assigned to someone else, and lets the assignee act", async () => {
    const [applicant, assignee, other] = [
      await makeUser(),
      await makeUser("REVIEWER"),
      await makeUser("REVIEWER"),
    ];
    const application = await makeCase(applicant, { node: "MATERIAL_CHECK", assignee });
    const before = await footprint(application.id);
    await expect(
      performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: other,
        transition: "ADVANCE",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    expect(await footprint(application.id)).toEqual(before);
    expect(
      await performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: assignee,
        transition: "ADVANCE",
        now: NOW,
      }),
    ).toMatchObject({ currentNode: "SUBSTANTIVE_REVIEW" });
  });

  it("refuses to approve an unpaid case, writing nothing", async () => {
    const [applicant, supervisor] = [await makeUser(), await makeUser("SUPERVISOR")];
    const application = await makeCase(applicant, { node: "DECISION", paymentStatus: "UNPAID" });
    const before = await footprint(application.id);
    await expect(
      performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: supervisor,
        transition: "APPROVE",
        now: NOW,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { payment: ["case.errors.feeNotPaid"] },
    });
    expect(await footprint(application.id)).toEqual(before);
  });

  it("tells whoever holds the returned case in the app that the applicant answered", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { node: "MATERIAL_CHECK", assignee: reviewer });
    await requestSupplement({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      items: ITEMS,
      dueAt: dueTomorrow,
      now: NOW,
    });
    await performTransition({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: applicant,
      transition: "PROVIDE_SUPPLEMENT",
      input: { publicNote: "Done" },
      now: NOW,
    });
    // This reviewer is on no shift: the demo rota's on-duty reviewer may have taken the case over.
    const { assigneeId } = await db.application.findUniqueOrThrow({
      where: { id: application.id },
      select: { assigneeId: true },
    });
    expect(
      await db.notification.findMany({
        where: { template: "staff.supplementProvided", applicationId: application.id },
        select: { recipientId: true, channel: true, payload: true },
      }),
    ).toEqual([{ recipientId: assigneeId, channel: "IN_APP", payload: { number: application.number } }]);
  });
});

describe("concurrency", () => {
  it("refuses a stale version without writing anything", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer });
    await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      transition: "ADVANCE",
      now: NOW,
    });
    const before = await footprint(application.id);
    await expect(
      performTransition({
        applicationId: application.id,
        expectedVersion: 0,
        viewer: applicant,
        transition: "WITHDRAW",
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await footprint(application.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous transitions on the same version through", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    for (let round = 0; round < 5; round++) {
      // Unpaid: a paid withdrawal adds its refund's rows (lib/payments/automatic-refunds.test.ts).
      const application = await makeCase(applicant, {
        assignee: reviewer,
        node: "MATERIAL_CHECK",
        paymentStatus: "UNPAID",
      });
      const results = await Promise.allSettled([
        performTransition({
          applicationId: application.id,
          expectedVersion: 0,
          viewer: applicant,
          transition: "WITHDRAW",
          now: NOW,
        }),
        requestSupplement({
          applicationId: application.id,
          expectedVersion: 0,
          viewer: reviewer,
          items: ITEMS,
          dueAt: dueTomorrow,
          now: NOW,
        }),
      ]);
      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.filter((result) => result.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected.map((result) => result.reason)).toEqual([expect.any(ConcurrentChangeError)]);
      const after = await footprint(application.id);
      expect(after.application.version).toBe(1);
      // One transition's rows only: the loser's timeline event, audit row and outbox rows were never written.
      // A supplement request also texts the applicant (in-app + email + SMS); a withdrawal does not.
      const outbox = after.application.currentNode === "AWAITING_SUPPLEMENT" ? 3 : 2;
      expect({ timeline: after.timeline, audit: after.audit, outbox: after.outbox }).toEqual({
        timeline: 2,
        audit: 1,
        outbox,
      });
      expect(after.requests.length).toBe(after.application.currentNode === "AWAITING_SUPPLEMENT" ? 1 : 0);
    }
  });
});

describe("atomicity", () => {
  it("rolls back the case, timeline, audit and supplement rows when a later write fails", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant, { assignee: reviewer, node: "MATERIAL_CHECK" });
    // Make the outbox insert (the last write) fail for this case only.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_outbox_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.application_id = '${application.id}' THEN RAISE EXCEPTION 'outbox unavailable'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_outbox_for_test BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fail_outbox_for_test()`,
    );
    try {
      const before = await footprint(application.id);
      await expect(
        requestSupplement({
          applicationId: application.id,
          expectedVersion: 0,
          viewer: reviewer,
          items: ITEMS,
          dueAt: dueTomorrow,
          now: NOW,
        }),
      ).rejects.toThrow(/outbox unavailable/);
      expect(await footprint(application.id)).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox_for_test ON notification`);
    }
  });
});
