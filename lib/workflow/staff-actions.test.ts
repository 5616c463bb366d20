import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
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

// The actions read the session themselves: stand in for it, and for Next's request-bound helpers.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

withTestDatabase();

let serviceId = "";

beforeAll(async () => {
  serviceId = (
    await db.serviceType.create({
      data: { code: `svc-${randomUUID()}`, nameZh: "s", nameEn: "s", descriptionZh: "-", descriptionEn: "-", baseFeeMinor: 100 },
      select: { id: true },
    })
  ).id;
});

beforeEach(() => vi.mocked(getCurrentUser).mockReset());

function form(values: Record<string, string | string[] | File>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of value instanceof File ? [value] : [value].flat()) data.append(key, item);
  return data;
}

async function signedInAs(role: Role, id?: string): Promise<CurrentUser> {
  const user = id ? await db.user.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, displayName: true, email: true } }) : await createTestUser(role);
  const current = { ...user, locale: "en" } as CurrentUser;
  vi.mocked(getCurrentUser).mockResolvedValue(current);
  return current;
}

async function makeCase(node: "MATERIAL_CHECK" | "DECISION" = "MATERIAL_CHECK") {
  const applicant = await createTestUser("APPLICANT");
  const application = await createTestApplication({ applicantId: applicant.id, serviceId, currentNode: node, paymentStatus: "PAID" });
  return { ...application, applicantId: applicant.id };
}

async function state(id: string) {
  const [application, timeline, audit] = await Promise.all([
    db.application.findUniqueOrThrow({ where: { id }, select: { currentNode: true, status: true, assigneeId: true, version: true, paymentStatus: true } }),
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
      staffTransition(null, form({ ...reference, transition: "APPROVE" })),
      staffTransition(null, form({ ...reference, transition: "REJECT", publicNote: "no" })),
      claimCaseAction(null, form(reference)),
      assignCaseAction(null, form({ ...reference, assigneeId: application.applicantId })),
      addCaseNoteAction(null, form({ ...reference, publicNote: "hello" })),
      recordPaymentAction(null, form({ ...reference, reference: "REF-123" })),
      recordRefundAction(null, form({ ...reference, amount: "1", reason: "r" })),
      uploadResultDocumentAction(null, form({ ...reference, file: new File([Buffer.from("%PDF-1.7\n%%EOF\n")], "r.pdf") })),
    ];
    const before = await state(application.id);
    for (const who of [null, application.applicantId, (await createTestUser("APPLICANT")).id]) {
      if (who === null) vi.mocked(getCurrentUser).mockResolvedValue(null);
      else await signedInAs("APPLICANT", who);
      for (const result of await Promise.all(calls())) expect(result).toEqual({ ok: false, message: "errors.notAuthorized" });
    }
    expect(await state(application.id)).toEqual(before);
  });

  it("refuse a forbidden transition server-side (a reviewer approving a case not assigned to them)", async () => {
    const application = await makeCase("DECISION");
    await signedInAs("REVIEWER");
    const before = await state(application.id);
    expect(await staffTransition(null, form({ applicationId: application.id, expectedVersion: "0", transition: "APPROVE" }))).toEqual({
      ok: false,
      message: "case.errors.transitionNotAllowed",
    });
    expect(await staffTransition(null, form({ applicationId: application.id, expectedVersion: "0", transition: "WITHDRAW" }))).toMatchObject({
      ok: false,
      fieldErrors: { transition: ["case.errors.transitionNotAllowed"] },
    });
    expect(await state(application.id)).toEqual(before);
  });

  it("let a supervisor claim, ask for a supplement and be told about a stale version", async () => {
    const application = await makeCase();
    const supervisor = await signedInAs("SUPERVISOR");
    expect(await claimCaseAction(null, form({ applicationId: application.id, expectedVersion: "0" }))).toEqual({ ok: true, data: { version: 1 } });
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const request = form({
      applicationId: application.id,
      expectedVersion: "1",
      transition: "REQUEST_SUPPLEMENT",
      problem: ["Letter unsigned", "  "],
      suggestion: ["Upload a signed copy", ""],
      dueAt,
    });
    expect(await staffTransition(null, request)).toEqual({ ok: true, data: { version: 2 } });
    const items = await db.supplementItem.findMany({ where: { request: { applicationId: application.id } }, select: { problem: true, suggestion: true } });
    expect(items).toEqual([{ problem: "Letter unsigned", suggestion: "Upload a signed copy" }]);
    expect((await state(application.id)).application).toMatchObject({ assigneeId: supervisor.id, currentNode: "AWAITING_SUPPLEMENT" });
    expect(await addCaseNoteAction(null, form({ applicationId: application.id, expectedVersion: "1", internalNote: "late" }))).toEqual({
      ok: false,
      message: "case.errors.concurrentChange",
    });
  });

  it("answer malformed input with field errors", async () => {
    await signedInAs("SUPERVISOR");
    expect(await claimCaseAction(null, form({ applicationId: "x", expectedVersion: "-1" }))).toMatchObject({ ok: false, message: "errors.checkFields" });
    const application = await makeCase();
    expect(await recordRefundAction(null, form({ applicationId: application.id, expectedVersion: "0", amount: "1.234", reason: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["workspace.errors.refundAmount"], reason: ["workspace.errors.refundReason"] },
    });
  });
});
