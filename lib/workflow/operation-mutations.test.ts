import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ApplicationStatus, PaymentStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { ConcurrentChangeError, TransitionNotAllowedError, TransitionRequirementError } from "./errors";
import {
  addCaseNote,
  assignCase,
  claimCase,
  recordPaymentByStaff,
  recordRefund,
  uploadResultDocument,
} from "./operation-mutations";

const uploadDir = mkdtempSync(path.join(tmpdir(), "expedite-operations-"));
// lib/env reads UPLOAD_DIR once, on first use, which comes after this line (inside the tests).
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

withTestDatabase();

const NOW = new Date("2026-11-21T08:00:00Z");
const pdf = () => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n%%EOF\n`));
let serviceId = "";
let otherServiceId = "";

beforeAll(async () => {
  const make = (code: string) =>
    db.serviceType.create({
      data: {
        code,
        nameZh: code,
        nameEn: code,
        descriptionZh: "-",
        descriptionEn: "-",
        baseFeeMinor: 10_000,
      },
      select: { id: true },
    });
  serviceId = (await make(`svc-${randomUUID()}`)).id;
  otherServiceId = (await make(`svc-${randomUUID()}`)).id;
});

async function reviewerFor(...serviceIds: string[]): Promise<Viewer> {
  const user = await createTestUser("REVIEWER");
  await db.staffService.createMany({ data: serviceIds.map((id) => ({ userId: user.id, serviceId: id })) });
  return user;
}

const makeUser = (role: Role): Promise<Viewer> => createTestUser(role);

async function makeCase(
  options: {
    node?: WorkflowNode;
    status?: ApplicationStatus;
    assignee?: Viewer;
    paymentStatus?: PaymentStatus;
  } = {},
) {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    feeBaseMinor: 10_000,
    feeSurchargeMinor: 5_000,
    currentNode: options.node ?? "MATERIAL_CHECK",
    status: options.status ?? "IN_PROGRESS",
    assigneeId: options.assignee?.id ?? null,
    paymentStatus: options.paymentStatus ?? "UNPAID",
    locale: "en",
  });
  return { ...application, applicant };
}

async function footprint(applicationId: string) {
  const [application, timeline, audit, outbox, files] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        assigneeId: true,
        version: true,
        paymentStatus: true,
        paymentReference: true,
        refundedMinor: true,
      },
    }),
    db.timelineEvent.count({ where: { applicationId } }),
    db.auditLog.count({ where: { entityId: applicationId } }),
    db.notification.count({ where: { applicationId } }),
    db.evidenceFile.count({ where: { applicationId } }),
  ]);
  return { application, timeline, audit, outbox, files };
}

const ref = (application: { id: string }, viewer: Viewer, expectedVersion = 0) => ({
  applicationId: application.id,
  expectedVersion,
  viewer,
  now: NOW,
});

describe("claiming", () => {
  it("gives an unassigned case to a reviewer who handles its service, on the timeline and in the audit log", async () => {
    const reviewer = await reviewerFor(serviceId);
    const application = await makeCase();
    expect(await claimCase(ref(application, reviewer))).toEqual({
      applicationId: application.id,
      number: application.number,
      version: 1,
    });
    expect(
      await db.application.findUniqueOrThrow({ where: { id: application.id }, select: { assigneeId: true } }),
    ).toEqual({ assigneeId: reviewer.id });
    expect(
      await db.timelineEvent.findFirst({
        where: { applicationId: application.id },
        select: { action: true, actorId: true, node: true },
      }),
    ).toEqual({
      action: "ASSIGNED",
      actorId: reviewer.id,
      node: "MATERIAL_CHECK",
    });
    expect(
      await db.auditLog.findFirst({
        where: { entityId: application.id },
        select: { action: true, actorId: true },
      }),
    ).toEqual({ action: "workflow.CLAIM", actorId: reviewer.id });
  });

  it("refuses a reviewer of another service, an assigned case, and applicants and administrators, writing nothing", async () => {
    const application = await makeCase();
    const assigned = await makeCase({ assignee: await reviewerFor(serviceId) });
    for (const [viewer, target] of [
      [await reviewerFor(otherServiceId), application],
      [await reviewerFor(serviceId), assigned],
      [application.applicant, application],
      [await makeUser("ADMIN"), application],
    ] as const) {
      const before = await footprint(target.id);
      await expect(claimCase(ref(target, viewer))).rejects.toBeInstanceOf(TransitionNotAllowedError);
      expect(await footprint(target.id)).toEqual(before);
    }
  });

  it("lets exactly one of two reviewers claiming at the same moment win; the other is told someone else changed the case", async () => {
    const [first, second] = [await reviewerFor(serviceId), await reviewerFor(serviceId)];
    for (let round = 0; round < 5; round++) {
      const application = await makeCase();
      const results = await Promise.allSettled([
        claimCase(ref(application, first)),
        claimCase(ref(application, second)),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []))).toEqual([
        expect.any(ConcurrentChangeError),
      ]);
      const after = await footprint(application.id);
      expect(after.application.version).toBe(1);
      expect([first.id, second.id]).toContain(after.application.assigneeId);
      expect({ timeline: after.timeline, audit: after.audit }).toEqual({ timeline: 1, audit: 1 });
    }
  });
});

describe("assigning", () => {
  it("lets a supervisor reassign to an eligible reviewer, who is told in the app", async () => {
    const [supervisor, from, to] = [
      await makeUser("SUPERVISOR"),
      await reviewerFor(serviceId),
      await reviewerFor(serviceId),
    ];
    const application = await makeCase({ assignee: from });
    await assignCase({
      ...ref(application, supervisor),
      assigneeId: to.id,
      note: "Balancing the night shift",
    });
    expect(
      await db.application.findUniqueOrThrow({ where: { id: application.id }, select: { assigneeId: true } }),
    ).toEqual({ assigneeId: to.id });
    expect(
      await db.timelineEvent.findFirst({
        where: { applicationId: application.id },
        select: { internalNote: true, publicNote: true },
      }),
    ).toEqual({
      internalNote: "Balancing the night shift",
      publicNote: null,
    });
    expect(
      await db.notification.findMany({
        where: { recipientId: to.id },
        select: { template: true, channel: true },
      }),
    ).toEqual([{ template: "staff.assigned", channel: "IN_APP" }]);
    expect(
      await db.auditLog.findFirst({ where: { entityId: application.id }, select: { details: true } }),
    ).toMatchObject({
      details: { previousAssigneeId: from.id, assigneeId: to.id },
    });
  });

  it("refuses an ineligible assignee and a reviewer trying to assign, writing nothing", async () => {
    const [supervisor, reviewer] = [await makeUser("SUPERVISOR"), await reviewerFor(serviceId)];
    const application = await makeCase({ assignee: reviewer });
    const before = await footprint(application.id);
    const inactive = await createTestUser("REVIEWER", { active: false });
    for (const assigneeId of [
      (await reviewerFor(otherServiceId)).id,
      (await makeUser("ADMIN")).id,
      inactive.id,
      application.applicant.id,
      randomUUID(),
      "nope",
    ]) {
      await expect(assignCase({ ...ref(application, supervisor), assigneeId })).rejects.toMatchObject({
        fieldErrors: { assigneeId: ["workspace.errors.assigneeNotEligible"] },
      });
    }
    await expect(
      assignCase({ ...ref(application, reviewer), assigneeId: reviewer.id }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    expect(await footprint(application.id)).toEqual(before);
  });
});

describe("notes, payments and refunds", () => {
  it("sends public notes to the applicant and keeps internal ones with staff", async () => {
    const reviewer = await reviewerFor(serviceId);
    const application = await makeCase({ assignee: reviewer });
    await addCaseNote({ ...ref(application, reviewer), internalNote: "Called the hospital" });
    expect(await db.notification.count({ where: { applicationId: application.id } })).toBe(0);
    await addCaseNote({
      ...ref(application, reviewer, 1),
      publicNote: "We are checking your letter with the hospital.",
    });
    expect(
      await db.notification.findMany({
        where: { applicationId: application.id },
        select: { template: true, recipientId: true },
        orderBy: { channel: "asc" },
      }),
    ).toEqual([
      { template: "case.noteAdded", recipientId: application.applicant.id },
      { template: "case.noteAdded", recipientId: application.applicant.id },
    ]);
    await expect(addCaseNote({ ...ref(application, reviewer, 2) })).rejects.toBeInstanceOf(
      TransitionRequirementError,
    );
    await expect(
      addCaseNote({ ...ref(application, await reviewerFor(serviceId), 2), internalNote: "not mine" }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
  });

  it("records a counter payment once, refusing a reference already used", async () => {
    const reviewer = await reviewerFor(serviceId);
    const [first, second] = [await makeCase({ assignee: reviewer }), await makeCase({ assignee: reviewer })];
    const reference = `CTR-${randomUUID()}`;
    await recordPaymentByStaff({ ...ref(first, reviewer), reference });
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: first.id },
        select: { paymentStatus: true, paidAt: true, paymentReference: true },
      }),
    ).toEqual({
      paymentStatus: "PAID",
      paidAt: NOW,
      paymentReference: reference,
    });
    const before = await footprint(second.id);
    await expect(recordPaymentByStaff({ ...ref(second, reviewer), reference })).rejects.toMatchObject({
      fieldErrors: { reference: ["workspace.errors.referenceUsed"] },
    });
    expect(await footprint(second.id)).toEqual(before);
    await expect(
      recordPaymentByStaff({ ...ref(first, reviewer, 1), reference: "again" }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
  });

  it("lets only a supervisor refund, at most the fee", async () => {
    const [supervisor, reviewer] = [await makeUser("SUPERVISOR"), await reviewerFor(serviceId)];
    const application = await makeCase({
      assignee: reviewer,
      paymentStatus: "PAID",
      node: "WITHDRAWN",
      status: "WITHDRAWN",
    });
    await expect(
      recordRefund({ ...ref(application, reviewer), amountMinor: 100, reason: "x" }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    await expect(
      recordRefund({ ...ref(application, supervisor), amountMinor: 15_001, reason: "x" }),
    ).rejects.toMatchObject({ fieldErrors: { amount: ["workspace.errors.refundAmount"] } });
    await recordRefund({
      ...ref(application, supervisor),
      amountMinor: 15_000,
      reason: "Withdrawn before review",
    });
    expect(
      await db.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { paymentStatus: true, refundedMinor: true, refundedAt: true },
      }),
    ).toEqual({
      paymentStatus: "REFUNDED",
      refundedMinor: 15_000,
      refundedAt: NOW,
    });
    expect(
      await db.timelineEvent.findFirst({
        where: { applicationId: application.id },
        select: { action: true, publicNote: true },
      }),
    ).toEqual({
      action: "REFUND_RECORDED",
      publicNote: "Withdrawn before review",
    });
  });
});

describe("result documents", () => {
  it("stores a document at the decision, and refuses one earlier without keeping the file", async () => {
    const reviewer = await reviewerFor(serviceId);
    const early = await makeCase({ assignee: reviewer, node: "SUBSTANTIVE_REVIEW" });
    const storedFiles = () =>
      readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
        .length;
    const filesBefore = storedFiles();
    const before = await footprint(early.id);
    await expect(
      uploadResultDocument({ ...ref(early, reviewer), file: { originalName: "result.pdf", bytes: pdf() } }),
    ).rejects.toBeInstanceOf(TransitionNotAllowedError);
    expect(await footprint(early.id)).toEqual(before);
    expect(storedFiles()).toBe(filesBefore);

    const decided = await makeCase({
      assignee: reviewer,
      node: "RESULT_NOTIFIED",
      status: "APPROVED",
      paymentStatus: "PAID",
    });
    expect(
      await uploadResultDocument({
        ...ref(decided, reviewer),
        file: { originalName: "result.pdf", bytes: pdf() },
      }),
    ).toMatchObject({ version: 1 });
    const after = await footprint(decided.id);
    expect({ files: after.files, timeline: after.timeline, version: after.application.version }).toEqual({
      files: 1,
      timeline: 1,
      version: 1,
    });
  });
});
