// Rows that integration tests arrange directly. Unique values per call, so tests never collide.
import { randomUUID } from "node:crypto";
import { generateApplicationNumber } from "@/lib/applications/application-number";
import type { ApplicationFormValues } from "@/lib/applications/schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export async function createTestUser(role: Role = "APPLICANT", data: Partial<Prisma.UserCreateInput> = {}) {
  return db.user.create({
    data: {
      email: `${randomUUID()}@test.example`,
      displayName: `${role.toLowerCase()}-${randomUUID().slice(0, 4)}`,
      passwordHash: "x",
      role,
      ...data,
    },
    select: { id: true, role: true, displayName: true, email: true },
  });
}

type ApplicationOverrides = Partial<Prisma.ApplicationUncheckedCreateInput> & {
  applicantId: string;
  serviceId: string;
};

/** A plausible submitted case (passport ID type, masked number, fee); override what the test is about. */
export async function createTestApplication(overrides: ApplicationOverrides) {
  return db.application.create({
    data: {
      number: generateApplicationNumber(),
      tier: "URGENT",
      reason: "A reason that is long enough to be a real reason.",
      neededBy: new Date(Date.now() + 7 * 86_400_000),
      applicantName: "Test",
      idType: "PASSPORT",
      idNumberHash: "hash",
      idNumberMasked: "E****567",
      phone: "+86 138 0000 0000",
      email: "applicant@test.example",
      feeBaseMinor: 100,
      feeSurchargeMinor: 0,
      ...overrides,
    },
    select: { id: true, number: true, version: true },
  });
}

/** A minimal service for cases to belong to; returns its id. */
export async function createTestService(): Promise<string> {
  const service = await db.serviceType.create({
    data: {
      code: `svc-${randomUUID()}`,
      nameZh: "s",
      nameEn: "s",
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: 100,
    },
    select: { id: true },
  });
  return service.id;
}

/**
 * The apply form's answers for an urgent, clearly justified request (health or safety, dependants),
 * needed 20 days from the real clock, before parsing: what tests that file through createApplication
 * start from. Override what the test is about (service, tier, identity, the night-time choice …).
 */
export function applicationFormValues(overrides: Partial<ApplicationFormValues> = {}): ApplicationFormValues {
  return {
    serviceCode: "passport-renewal",
    tier: "URGENT",
    neededBy: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    utcOffsetMinutes: "0",
    reason: "I need this document urgently because my mother is in hospital abroad; the letter is attached.",
    triageConsequence: "HEALTH_OR_SAFETY",
    triageFixedDate: "NONE",
    triageFixedDateOn: "",
    triageHealthSafety: "YES",
    triageAffected: "DEPENDANTS",
    triageNextDay: "",
    applicantName: "王小明",
    idType: "PASSPORT",
    idNumber: "E12345678",
    phone: "+86 138 0013 8000",
    email: "contact@test.example",
    submissionKey: randomUUID(),
    evidenceIds: [],
    ...overrides,
  };
}
