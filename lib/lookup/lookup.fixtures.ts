// Test-only arrangements shared by the lookup integration tests (not imported by the app).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { makeCnResidentId, maskIdNumber } from "@/lib/identity/id-number";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";

export const INTERNAL_NOTE = "internal: phoned the hospital";
export const PUBLIC_NOTE = "Your mother's surgery letter is being checked";
export const PHONE = "+8613912345678";
export const EMAIL = "lookup-applicant@test.example";
const HOUR = 3_600_000;

/** A random valid mainland ID number (birth date 1990-01-01, random sequence). */
export function randomCnId(): string {
  const sequence = String(randomBytes(2).readUInt16BE() % 1000).padStart(3, "0");
  return makeCnResidentId(`${String(110101 + (randomBytes(1)[0]! % 50))}19900101${sequence}`);
}

// Addresses are limiter keys: two tests of one file drawing the same address would share (and one
// drain) its budget, so they are handed out in sequence from a random start, never twice in a file.
let lastAddress = randomBytes(2).readUInt16BE();

/** An address of 198.51.0.0/16 that no other test in this file (process) was given. */
export function randomIp(): string {
  lastAddress = (lastAddress + 1) % 65_536;
  return `198.51.${lastAddress >> 8}.${lastAddress & 255}`;
}

async function service() {
  const code = "lookup-test-service";
  const existing = await db.serviceType.findUnique({ where: { code }, select: { id: true } });
  if (existing) return existing;
  return db.serviceType.create({
    data: {
      code,
      nameZh: "护照加急换发",
      nameEn: "Passport urgent renewal",
      descriptionZh: "",
      descriptionEn: "",
      baseFeeMinor: 12000,
      tiers: {
        create: {
          tier: "URGENT",
          processingHours: 120,
          nodeTargets: {
            create: [
              { node: "MATERIAL_CHECK", targetMinutes: 720 },
              { node: "SUBSTANTIVE_REVIEW", targetMinutes: 2520 },
            ],
          },
        },
      },
    },
    select: { id: true },
  });
}

/** A case in material check, handled by a named reviewer, with a public note and internal notes. */
export async function createLookupCase(idNumber = randomCnId()) {
  const [applicant, reviewer, { id: serviceId }] = await Promise.all([
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER", { displayName: "Rita Reviewer" }),
    service(),
  ]);
  const application = await createTestApplication({
    applicantId: applicant.id,
    serviceId,
    applicantName: "张小三",
    idType: "CN_RESIDENT_ID",
    idNumberHash: hashIdNumber("CN_RESIDENT_ID", idNumber, serverEnv().ID_HASH_KEY),
    idNumberMasked: maskIdNumber("CN_RESIDENT_ID", idNumber),
    phone: PHONE,
    email: EMAIL,
    reason: "My mother needs surgery abroad next week and I must travel with her.",
    currentNode: "MATERIAL_CHECK",
    assigneeId: reviewer.id,
    nodeDueAt: new Date(Date.now() + 10 * HOUR),
    caseDueAt: new Date(Date.now() + 100 * HOUR),
  });
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
  await db.timelineEvent.createMany({
    data: [
      {
        applicationId: application.id,
        node: "SUBMITTED",
        action: "SUBMITTED",
        actorId: applicant.id,
        occurredAt: at(5),
      },
      {
        applicationId: application.id,
        node: "MATERIAL_CHECK",
        action: "ADVANCED",
        actorId: reviewer.id,
        occurredAt: at(3),
        publicNote: PUBLIC_NOTE,
        internalNote: INTERNAL_NOTE,
      },
      {
        applicationId: application.id,
        node: "MATERIAL_CHECK",
        action: "NOTE_ADDED",
        actorId: reviewer.id,
        occurredAt: at(2),
        internalNote: INTERNAL_NOTE,
      },
    ],
  });
  return { ...application, idNumber, applicant, reviewer };
}

/** The limiter row of `limit` for `key` (null when the key has never been spent). */
export function rateLimitRow(limit: { name: string }, key: string) {
  return db.rateLimit.findUnique({ where: { key: `${limit.name}:${key}` }, select: { tat: true } });
}
