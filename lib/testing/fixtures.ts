// Rows that integration tests arrange directly. Unique values per call, so tests never collide.
import { randomUUID } from "node:crypto";
import { generateApplicationNumber } from "@/lib/applications/application-number";
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
