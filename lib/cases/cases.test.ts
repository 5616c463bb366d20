import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { ApplicationStatus, Role, WorkflowNode } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { CaseNotFoundError } from "@/lib/workflow/errors";
import { performTransition, requestSupplement } from "@/lib/workflow/mutations";
import { addCaseNote } from "@/lib/workflow/operation-mutations";
import { seedDemoData } from "@/prisma/seed";
import { findOwnCase, findOwnCaseVersion } from "./data";
import { rateCase } from "./mutations";

withTestDatabase();

const HOUR = 3_600_000;
const SECRET = "internal: phoned the hospital";

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});

function makeUser(role: Role = "APPLICANT"): Promise<Viewer & { displayName: string }> {
  return createTestUser(role);
}

async function makeCase(
  applicant: Viewer,
  options: { node?: WorkflowNode; status?: ApplicationStatus } = {},
) {
  const service = await db.serviceType.findUniqueOrThrow({
    where: { code: "passport-renewal" },
    select: { id: true },
  });
  return createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
    neededBy: new Date(Date.now() + 72 * HOUR),
    currentNode: options.node ?? "SUBMITTED",
    status: options.status ?? "IN_PROGRESS",
    feeBaseMinor: 12000,
    feeSurchargeMinor: 10000,
    timeline: {
      create: {
        node: "SUBMITTED",
        action: "SUBMITTED",
        actorId: applicant.id,
        occurredAt: new Date(Date.now() - HOUR),
      },
    },
  });
}

describe("findOwnCase", () => {
  it("loads the applicant's case with its public history, never an internal note", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(applicant);
    await db.application.update({ where: { id: application.id }, data: { assigneeId: reviewer.id } });
    await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      transition: "ADVANCE",
      input: { publicNote: "Picked up", internalNote: SECRET },
    });
    await addCaseNote({
      applicationId: application.id,
      expectedVersion: 1,
      viewer: reviewer,
      internalNote: SECRET,
    });
    await requestSupplement({
      applicationId: application.id,
      expectedVersion: 2,
      viewer: reviewer,
      items: [{ problem: "Blurred photo", suggestion: "Rescan" }],
      dueAt: new Date(Date.now() + 24 * HOUR),
      internalNote: SECRET,
    });

    const view = await findOwnCase(applicant, application.number);
    expect(view).toMatchObject({
      id: application.id,
      number: application.number,
      version: 3,
      currentNode: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
      fee: { baseMinor: 12000, surchargeMinor: 10000, totalMinor: 22000, currency: "CNY" },
      paymentStatus: "UNPAID",
      rating: null,
      service: { nameEn: "Passport urgent renewal", requiresExpertReview: false },
      openSupplement: { items: [{ problem: "Blurred photo", suggestion: "Rescan" }] },
      resultDocuments: [],
    });
    expect(view!.events.map((event) => [event.node, event.action, event.publicNote, event.actor])).toEqual([
      ["SUBMITTED", "SUBMITTED", null, { name: applicant.displayName, staff: false }],
      ["MATERIAL_CHECK", "ADVANCED", "Picked up", { name: reviewer.displayName, staff: true }],
      // The internal-only note in between is not part of the applicant's history at all.
      ["AWAITING_SUPPLEMENT", "SUPPLEMENT_REQUESTED", null, { name: reviewer.displayName, staff: true }],
    ]);
    // Urgent passport renewal: 120 h, split by the demo shares.
    expect(view!.nodeTargets).toMatchObject({
      MATERIAL_CHECK: 720,
      SUBSTANTIVE_REVIEW: 2520,
      DECISION: 1080,
    });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain("internalNote");
  });

  it("accepts the number as people type it", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant);
    const typed = `${application.number.slice(0, 5)}-${application.number.slice(5)}`.toLowerCase();
    expect((await findOwnCase(applicant, typed))?.id).toBe(application.id);
  });

  it("returns null for someone else's, unknown and malformed numbers alike", async () => {
    const [owner, stranger] = [await makeUser(), await makeUser()];
    const application = await makeCase(owner);
    expect(await findOwnCase(stranger, application.number)).toBeNull();
    expect(await findOwnCase(owner, generateApplicationNumber())).toBeNull();
    expect(await findOwnCase(owner, "nonsense")).toBeNull();
    expect(await findOwnCaseVersion(stranger, application.number)).toBeNull();
    expect(await findOwnCaseVersion(owner, application.number)).toBe(0);
  });

  it("refuses staff in the data layer", async () => {
    const [owner, reviewer] = [await makeUser(), await makeUser("REVIEWER")];
    const application = await makeCase(owner);
    await expect(findOwnCase(reviewer, application.number)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(findOwnCaseVersion(reviewer, application.number)).rejects.toBeInstanceOf(NotAuthorizedError);
  });

  it("shows result documents only once the document is issued", async () => {
    const [applicant, reviewer] = [await makeUser(), await makeUser("SUPERVISOR")];
    const application = await makeCase(applicant, { node: "RESULT_NOTIFIED", status: "APPROVED" });
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
    expect((await findOwnCase(applicant, application.number))?.resultDocuments).toEqual([]);
    await performTransition({
      applicationId: application.id,
      expectedVersion: 0,
      viewer: reviewer,
      transition: "ISSUE_DOCUMENT",
    });
    expect((await findOwnCase(applicant, application.number))?.resultDocuments).toEqual([
      expect.objectContaining({ originalName: "result.pdf" }),
    ]);
  });
});

describe("rateCase", () => {
  it("stores one rating of a completed case and bumps the version", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant, { node: "DOCUMENT_ISSUED", status: "COMPLETED" });
    const now = new Date("2026-11-21T10:00:00Z");
    expect(
      await rateCase({ applicationId: application.id, viewer: applicant, rating: 4, comment: "Fast", now }),
    ).toEqual({ number: application.number, version: 1 });
    expect((await findOwnCase(applicant, application.number))?.rating).toEqual({
      value: 4,
      comment: "Fast",
      ratedAt: now,
    });
    await expect(
      rateCase({ applicationId: application.id, viewer: applicant, rating: 1 }),
    ).rejects.toMatchObject({ messageKey: "case.rating.alreadyRated" });
    expect((await findOwnCase(applicant, application.number))?.rating?.value).toBe(4);
    expect(await db.auditLog.count({ where: { entityId: application.id, action: "case.rated" } })).toBe(1);
  });

  it("lets only one of two simultaneous ratings land", async () => {
    const applicant = await makeUser();
    const application = await makeCase(applicant, { node: "DOCUMENT_ISSUED", status: "COMPLETED" });
    const results = await Promise.allSettled(
      [5, 1].map((rating) => rateCase({ applicationId: application.id, viewer: applicant, rating })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses open cases, other people's cases and out-of-range ratings", async () => {
    const [owner, stranger] = [await makeUser(), await makeUser()];
    const open = await makeCase(owner);
    await expect(rateCase({ applicationId: open.id, viewer: owner, rating: 5 })).rejects.toMatchObject({
      messageKey: "case.rating.notCompleted",
    });
    const done = await makeCase(owner, { node: "DOCUMENT_ISSUED", status: "COMPLETED" });
    await expect(rateCase({ applicationId: done.id, viewer: stranger, rating: 5 })).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    await expect(rateCase({ applicationId: "nope", viewer: owner, rating: 5 })).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    // The database's CHECK holds even if a caller skips the schema.
    await expect(rateCase({ applicationId: done.id, viewer: owner, rating: 9 })).rejects.toThrow();
    expect((await findOwnCase(owner, done.number))?.rating).toBeNull();
  });
});
