import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatApplicationNumber, generateApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { findStaffCase, findStaffCaseVersion } from "./case-data";

withTestDatabase();

const HOUR = 3_600_000;

async function createService() {
  const code = `svc-${randomUUID().slice(0, 8)}`;
  return db.serviceType.create({
    data: {
      code,
      nameZh: `服务 ${code}`,
      nameEn: `Service ${code}`,
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: 10_000,
      tiers: {
        create: {
          tier: "URGENT",
          surchargeMinor: 5_000,
          processingHours: 48,
          nodeTargets: { create: [{ node: "MATERIAL_CHECK", targetMinutes: 120 }] },
        },
      },
    },
    select: { id: true },
  });
}

type CaseData = Partial<Omit<Prisma.ApplicationUncheckedCreateInput, "applicantId" | "serviceId">>;

async function arrange(data: CaseData = {}) {
  const [service, applicant, assignee, other, supervisor, admin] = await Promise.all([
    createService(),
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER"),
    createTestUser("REVIEWER"),
    createTestUser("SUPERVISOR"),
    createTestUser("ADMIN"),
  ]);
  await db.staffService.createMany({
    data: [assignee, other].map((user) => ({ userId: user.id, serviceId: service.id })),
  });
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
    feeBaseMinor: 10_000,
    feeSurchargeMinor: 5_000,
    currentNode: "MATERIAL_CHECK",
    assigneeId: assignee.id,
    ...data,
  });
  return { service, applicant, assignee, other, supervisor, admin, application };
}

describe("findStaffCase", () => {
  it("gives staff the whole case: internal notes with who wrote them, applicant details masked, fee, requests and files", async () => {
    const { application, applicant, assignee, other } = await arrange({
      paymentStatus: "PAID",
      paymentReference: `ref-${randomUUID()}`,
    });
    const t0 = new Date(Date.now() - 3 * HOUR);
    await db.timelineEvent.createMany({
      data: [
        {
          applicationId: application.id,
          node: "SUBMITTED",
          action: "SUBMITTED",
          actorId: applicant.id,
          occurredAt: t0,
        },
        {
          applicationId: application.id,
          node: "MATERIAL_CHECK",
          action: "ADVANCED",
          actorId: assignee.id,
          publicNote: "We are checking your documents.",
          internalNote: "ID photo looks edited; check with the issuer.",
          occurredAt: new Date(t0.getTime() + HOUR),
        },
      ],
    });
    const request = await db.supplementRequest.create({
      data: {
        applicationId: application.id,
        requestedById: assignee.id,
        status: "FULFILLED",
        dueAt: new Date(t0.getTime() + 24 * HOUR),
        items: {
          create: [{ problem: "Letter not signed", suggestion: "Upload a signed copy", sortOrder: 0 }],
        },
      },
    });
    await db.evidenceFile.create({
      data: {
        applicationId: application.id,
        supplementRequestId: request.id,
        uploaderId: applicant.id,
        kind: "SUPPLEMENT",
        originalName: "signed.pdf",
        mimeType: "application/pdf",
        sizeBytes: 123,
        sha256: "a".repeat(64),
        storageKey: randomUUID(),
      },
    });

    // Formatted input is accepted, like everywhere a person types a number.
    const view = await findStaffCase(other, formatApplicationNumber(application.number));
    expect(view).not.toBeNull();
    expect(view!.number).toBe(application.number);
    expect(
      view!.events.map((event) => [event.action, event.internalNote, event.actor?.name, event.actor?.role]),
    ).toEqual([
      ["SUBMITTED", null, applicant.displayName, "APPLICANT"],
      ["ADVANCED", "ID photo looks edited; check with the issuer.", assignee.displayName, "REVIEWER"],
    ]);
    expect(view!.applicant).toEqual({
      name: "Test",
      idType: "PASSPORT",
      idNumberMasked: "E****567",
      phone: "+86 138 0000 0000",
      email: "applicant@test.example",
      locale: "zh",
    });
    expect(JSON.stringify(view)).not.toContain("idNumberHash");
    expect(view!.payment).toMatchObject({
      status: "PAID",
      fee: { baseMinor: 10_000, surchargeMinor: 5_000, totalMinor: 15_000 },
      currency: "CNY",
    });
    expect(view!.assignee).toEqual({ id: assignee.id, displayName: assignee.displayName });
    expect(view!.supplementRequests).toEqual([
      expect.objectContaining({
        status: "FULFILLED",
        items: [
          expect.objectContaining({ problem: "Letter not signed", suggestion: "Upload a signed copy" }),
        ],
        files: [expect.objectContaining({ originalName: "signed.pdf" })],
      }),
    ]);
    expect(view!.evidence).toEqual([
      expect.objectContaining({
        originalName: "signed.pdf",
        kind: "SUPPLEMENT",
        supplementRequestId: request.id,
      }),
    ]);
    expect(view!.nodeTargets).toEqual({ MATERIAL_CHECK: 120 });
    // Reviewers see no assignee list: only supervisors assign.
    expect(view!.assignees).toBeNull();
  });

  it("refuses applicants, even for their own case", async () => {
    const { application, applicant } = await arrange();
    await expect(findStaffCase(applicant, application.number)).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(findStaffCaseVersion(applicant, application.number)).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
  });

  it("answers null for unknown and malformed numbers", async () => {
    const { other } = await arrange();
    expect(await findStaffCase(other, generateApplicationNumber())).toBeNull();
    expect(await findStaffCase(other, "not a number")).toBeNull();
    expect(await findStaffCaseVersion(other, generateApplicationNumber())).toBeNull();
    expect(await findStaffCaseVersion(other, "EX")).toBeNull();
  });

  it("offers each viewer exactly their actions: assignee, other reviewer, supervisor, administrator", async () => {
    const { application, assignee, other, supervisor, admin } = await arrange();
    const allowed = async (viewer: typeof other) => {
      const view = await findStaffCase(viewer, application.number);
      return {
        transitions: view!.allowed.transitions.map((transition) => transition.name),
        operations: view!.allowed.operations,
      };
    };
    expect(await allowed(assignee)).toEqual({
      transitions: ["REQUEST_SUPPLEMENT", "ADVANCE"],
      operations: ["ADD_NOTE", "RECORD_PAYMENT"],
    });
    expect(await allowed(other)).toEqual({ transitions: [], operations: [] });
    expect(await allowed(supervisor)).toEqual({
      transitions: ["REQUEST_SUPPLEMENT", "ADVANCE"],
      operations: ["ASSIGN", "ADD_NOTE", "RECORD_PAYMENT", "WAIVE_FEE"],
    });
    expect(await allowed(admin)).toEqual({ transitions: [], operations: [] });
    const advance = (await findStaffCase(assignee, application.number))!.allowed.transitions.find(
      (transition) => transition.name === "ADVANCE",
    );
    expect(advance?.to).toBe("SUBSTANTIVE_REVIEW");
  });

  it("lets a reviewer claim an unassigned case only of a service they handle", async () => {
    const { application, other, service } = await arrange({ assigneeId: null });
    const stranger = await createTestUser("REVIEWER");
    expect((await findStaffCase(other, application.number))!.allowed.operations).toEqual(["CLAIM"]);
    expect((await findStaffCase(stranger, application.number))!.allowed.operations).toEqual([]);
    await db.staffService.create({ data: { userId: stranger.id, serviceId: service.id } });
    expect((await findStaffCase(stranger, application.number))!.allowed.operations).toEqual(["CLAIM"]);
  });

  it("lists for supervisors the staff the case may go to, with their open cases", async () => {
    const { application, assignee, other, supervisor } = await arrange();
    const notHandling = await createTestUser("REVIEWER");
    const inactive = await createTestUser("SUPERVISOR", { active: false });
    const view = await findStaffCase(supervisor, application.number);
    const ids = view!.assignees!.map((user) => user.id);
    expect(ids).toEqual(expect.arrayContaining([assignee.id, other.id, supervisor.id]));
    expect(ids).not.toContain(notHandling.id);
    expect(ids).not.toContain(inactive.id);
    expect(view!.assignees!.find((user) => user.id === assignee.id)).toMatchObject({
      role: "REVIEWER",
      openCases: 1,
    });
    expect(view!.assignees!.find((user) => user.id === other.id)).toMatchObject({ openCases: 0 });
  });
});

describe("findStaffCaseVersion", () => {
  it("tells staff the current version", async () => {
    const { application, other } = await arrange({ version: 7 });
    expect(await findStaffCaseVersion(other, application.number)).toBe(7);
  });
});
