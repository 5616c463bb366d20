import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import {
  addCaseNoteAction,
  assignCaseAction,
  claimCaseAction,
  recordPaymentAction,
  recordRefundAction,
  staffTransition,
  uploadResultDocumentAction,
} from "./staff-actions";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";

// The actions read the session themselves: stand in for it, and for Next's request-bound helpers.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

let serviceId = "";

beforeAll(async () => {
  serviceId = await createTestService();
});

beforeEach(() => vi.mocked(getCurrentUser).mockReset());

async function makeCase(node: "MATERIAL_CHECK" | "DECISION" = "MATERIAL_CHECK") {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    currentNode: node,
    paymentStatus: "PAID",
  });
  return { ...application, applicantId: applicant.id };
}

async function state(id: string) {
  const [application, timeline, audit] = await Promise.all([
    db.application.findUniqueOrThrow({
      where: { id },
      select: { currentNode: true, status: true, assigneeId: true, version: true, paymentStatus: true },
    }),
    db.timelineEvent.count({ where: { applicationId: id } }),
    db.auditLog.count({ where: { entityId: id } }),
  ]);
  return { application, timeline, audit };
}

describe("staff actions called directly", () => {
  it("refuse an applicant — even the case's own — and a signed-out visitor, changing nothing", async () => {
    const application = await makeCase("DECISION");
    const reference = { applicationId: application.id, expectedVersion: "0" };
    const calls = () => [
      staffTransition(null, formData({ ...reference, transition: "APPROVE" })),
      staffTransition(null, formData({ ...reference, transition: "REJECT", publicNote: "no" })),
      claimCaseAction(null, formData(reference)),
      assignCaseAction(null, formData({ ...reference, assigneeId: application.applicantId })),
      addCaseNoteAction(null, formData({ ...reference, publicNote: "hello" })),
      recordPaymentAction(null, formData({ ...reference, reference: "REF-123" })),
      recordRefundAction(null, formData({ ...reference, amount: "1", reason: "r" })),
      uploadResultDocumentAction(
        null,
        formData({ ...reference, file: new File([Buffer.from("%PDF-1.7\n%%EOF\n")], "r.pdf") }),
      ),
    ];
    const before = await state(application.id);
    const owner = await db.user.findUniqueOrThrow({
      where: { id: application.applicantId },
      select: { id: true, role: true, displayName: true, email: true },
    });
    for (const who of [null, owner, await createTestUser("APPLICANT")]) {
      await signedInAs(who);
      const refused = who === null ? sessionExpired() : { ok: false, message: "errors.notAuthorized" };
      for (const result of await Promise.all(calls())) expect(result).toEqual(refused);
    }
    expect(await state(application.id)).toEqual(before);
  });

  it("refuse a forbidden transition server-side (a reviewer approving a case not assigned to them)", async () => {
    const application = await makeCase("DECISION");
    await signedInAs("REVIEWER");
    const before = await state(application.id);
    expect(
      await staffTransition(
        null,
        formData({ applicationId: application.id, expectedVersion: "0", transition: "APPROVE" }),
      ),
    ).toEqual({
      ok: false,
      message: "case.errors.transitionNotAllowed",
    });
    expect(
      await staffTransition(
        null,
        formData({ applicationId: application.id, expectedVersion: "0", transition: "WITHDRAW" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { transition: ["case.errors.transitionNotAllowed"] },
    });
    expect(await state(application.id)).toEqual(before);
  });

  it("let a supervisor claim, ask for a supplement and be told about a stale version", async () => {
    const application = await makeCase();
    const supervisor = await signedInAs("SUPERVISOR");
    revalidated();
    expect(
      await claimCaseAction(null, formData({ applicationId: application.id, expectedVersion: "0" })),
    ).toEqual({ ok: true, data: { version: 1 } });
    // The queue, the workspace and the applicant's page must show the new state at once.
    const everywhere = [
      ["/console"],
      [`/console/cases/${application.number}`],
      [`/portal/applications/${application.number}`],
    ];
    expect(revalidated()).toEqual(everywhere);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const request = formData({
      applicationId: application.id,
      expectedVersion: "1",
      transition: "REQUEST_SUPPLEMENT",
      problem: ["Letter unsigned", "  "],
      suggestion: ["Upload a signed copy", ""],
      dueAt,
    });
    expect(await staffTransition(null, request)).toEqual({ ok: true, data: { version: 2 } });
    expect(revalidated()).toEqual(everywhere);
    const items = await db.supplementItem.findMany({
      where: { request: { applicationId: application.id } },
      select: { problem: true, suggestion: true },
    });
    expect(items).toEqual([{ problem: "Letter unsigned", suggestion: "Upload a signed copy" }]);
    expect((await state(application.id)).application).toMatchObject({
      assigneeId: supervisor.id,
      currentNode: "AWAITING_SUPPLEMENT",
    });
    expect(
      await addCaseNoteAction(
        null,
        formData({ applicationId: application.id, expectedVersion: "1", internalNote: "late" }),
      ),
    ).toEqual({
      ok: false,
      message: "case.errors.concurrentChange",
    });
    expect(revalidated()).toEqual([]);
  });

  it("answer malformed input with field errors", async () => {
    await signedInAs("SUPERVISOR");
    expect(
      await claimCaseAction(null, formData({ applicationId: "x", expectedVersion: "-1" })),
    ).toMatchObject({ ok: false, message: "errors.checkFields" });
    const application = await makeCase();
    expect(
      await recordRefundAction(
        null,
        formData({ applicationId: application.id, expectedVersion: "0", amount: "1.234", reason: "" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["workspace.errors.refundAmount"], reason: ["workspace.errors.refundReason"] },
    });
  });
});
