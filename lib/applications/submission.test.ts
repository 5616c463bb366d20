import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { applicationFormValues } from "@/lib/testing/fixtures";
import { serverEnv } from "@/lib/env";
import { NotAuthorizedError, UserFacingError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { makeCnResidentId } from "@/lib/identity/id-number";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { validateApplicationNumber } from "./application-number";
import { createApplication } from "./mutations";
import { buildApplicationSchema, type ApplicationFormValues } from "./schema";

withTestDatabase();

beforeAll(async () => {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
});

const ID_NUMBER = makeCnResidentId("44030519851122771");

async function newApplicant(locale = "zh"): Promise<Viewer> {
  const user = await db.user.create({
    data: { email: `applicant-${randomUUID()}@test.example`, displayName: "Test", passwordHash: "x", locale },
    select: { id: true, role: true },
  });
  return user;
}

async function draft(uploaderId: string, kind: EvidenceKind) {
  const file = await db.evidenceFile.create({
    data: {
      uploaderId,
      kind,
      originalName: `${kind}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: 1000,
      sha256: randomUUID().replaceAll("-", ""),
      storageKey: randomUUID(),
    },
    select: { id: true },
  });
  return file.id;
}

/** Draft evidence for every required item of passport-renewal. */
async function passportEvidence(uploaderId: string) {
  return [
    await draft(uploaderId, "ID_PROOF"),
    await draft(uploaderId, "OTHER"),
    await draft(uploaderId, "URGENCY_PROOF"),
  ];
}

function input(values: Partial<ApplicationFormValues> & { evidenceIds: string[] }) {
  return buildApplicationSchema().parse(rawInput(values));
}

/** The form's answers before parsing; needed 20 days from the real clock. */
function rawInput(values: Partial<ApplicationFormValues> & { evidenceIds: string[] }): ApplicationFormValues {
  return applicationFormValues({
    reason:
      "I need my passport renewed soon because my mother is in hospital abroad; attached: hospital letter.",
    idType: "CN_RESIDENT_ID",
    idNumber: ID_NUMBER,
    ...values,
  });
}

async function expectFieldError(promise: Promise<unknown>, field: string, key: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).fieldErrors?.[field]).toEqual([key]);
}

describe("createApplication", () => {
  it("files an application with the catalog's fee and due times, the evidence, a timeline event and an audit entry", async () => {
    const applicant = await newApplicant();
    const evidenceIds = await passportEvidence(applicant.id);
    // A fee smuggled into the input is not part of the schema and never reaches the row.
    const tampered = { ...input({ evidenceIds }), feeBaseMinor: 1, feeSurchargeMinor: 0 };
    const created = await createApplication(applicant, tampered);

    expect(created.created).toBe(true);
    expect(validateApplicationNumber(created.number)).toEqual({ ok: true, number: created.number });
    const row = await db.application.findUniqueOrThrow({ where: { id: created.id } });
    const tier = await db.serviceTier.findFirstOrThrow({
      where: { service: { code: "passport-renewal" }, tier: "URGENT" },
      select: { surchargeMinor: true, processingHours: true, service: { select: { baseFeeMinor: true } } },
    });
    expect(row).toMatchObject({
      applicantId: applicant.id,
      tier: "URGENT",
      currentNode: "SUBMITTED",
      status: "IN_PROGRESS",
      paymentStatus: "UNPAID",
      feeBaseMinor: tier.service.baseFeeMinor,
      feeSurchargeMinor: tier.surchargeMinor,
      phone: "+8613800138000",
    });
    expect(row.caseDueAt!.getTime() - row.submittedAt.getTime()).toBe(tier.processingHours * 3_600_000);
    expect(row.nodeDueAt!.getTime()).toBeGreaterThan(row.submittedAt.getTime());
    expect(row.nodeDueAt!.getTime()).toBeLessThan(row.caseDueAt!.getTime());

    expect(
      await db.evidenceFile.count({ where: { id: { in: evidenceIds }, applicationId: created.id } }),
    ).toBe(3);
    // Only the applicant's own rows: the same transaction may also auto-assign the case (lib/rota), which has its own tests.
    const events = await db.timelineEvent.findMany({
      where: { applicationId: created.id, actorId: applicant.id },
    });
    expect(events.map((event) => [event.node, event.action, event.actorId])).toEqual([
      ["SUBMITTED", "SUBMITTED", applicant.id],
    ]);
    const audit = await db.auditLog.findMany({
      where: { entityType: "application", entityId: created.id, actorId: applicant.id },
    });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["application.submitted", applicant.id],
    ]);
  });

  it("stores the triage score it computes itself, ignoring one crafted by the client", async () => {
    const applicant = await newApplicant();
    // 2026-03-10 12:00 in Beijing; travel on 11 March (20 points), needed by 16 March (6), health at risk (60), dependants (5).
    const now = new Date("2026-03-10T04:00:00Z");
    const parsed = buildApplicationSchema(() => now).parse({
      ...rawInput({ evidenceIds: await passportEvidence(applicant.id) }),
      neededBy: "2026-03-16",
      utcOffsetMinutes: "480",
      triageFixedDate: "TRAVEL",
      triageFixedDateOn: "2026-03-11",
      triageScore: 3,
    });
    const crafted = { ...parsed, triageScore: 100 };
    const created = await createApplication(applicant, crafted, { now });
    const row = await db.application.findUniqueOrThrow({
      where: { id: created.id },
      select: { triageScore: true, triageAnswers: true },
    });
    expect(row.triageScore).toBe(91);
    expect(row.triageAnswers).toEqual({
      v: 1,
      consequence: "HEALTH_OR_SAFETY",
      fixedDate: "TRAVEL",
      fixedDateOn: "2026-03-11",
      healthOrSafety: true,
      affected: "DEPENDANTS",
      scheduledNextDay: false,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: created.id, action: "application.submitted" },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ triageScore: 91 });
  });

  it("keeps next-day scheduling only for a calm request filed at night (in ROTA_TIME_ZONE)", async () => {
    // Needed by in more than 30 days: only the consequence counts (10 points).
    const calm = {
      triageConsequence: "INCONVENIENCE",
      triageHealthSafety: "NO",
      triageAffected: "SELF",
      triageNextDay: "yes",
      neededBy: "2026-04-20",
    } as const;
    const file = async (now: Date, extra: Partial<ApplicationFormValues> = {}) => {
      const applicant = await newApplicant();
      const data = buildApplicationSchema(() => now).parse({
        ...rawInput({ evidenceIds: await passportEvidence(applicant.id) }),
        ...calm,
        ...extra,
      });
      const created = await createApplication(applicant, data, { now });
      return db.application.findUniqueOrThrow({
        where: { id: created.id },
        select: { triageScore: true, triageAnswers: true },
      });
    };
    // 23:30 and 12:00 in Beijing.
    const night = new Date("2026-03-10T15:30:00Z");
    const noon = new Date("2026-03-10T04:00:00Z");
    expect(serverEnv().ROTA_TIME_ZONE).toBe("Asia/Shanghai");
    expect(await file(night)).toMatchObject({ triageScore: 10, triageAnswers: { scheduledNextDay: true } });
    expect(await file(noon)).toMatchObject({ triageAnswers: { scheduledNextDay: false } });
    expect(await file(night, { triageHealthSafety: "YES" })).toMatchObject({
      triageScore: 45,
      triageAnswers: { scheduledNextDay: false },
    });
  });

  it("uses the fee the catalog has now, not the one the form was opened with", async () => {
    const applicant = await newApplicant();
    const evidenceIds = [await draft(applicant.id, "ID_PROOF"), await draft(applicant.id, "OTHER")];
    await db.serviceType.update({ where: { code: "visa-invitation" }, data: { baseFeeMinor: 7_777 } });
    const created = await createApplication(
      applicant,
      input({ serviceCode: "visa-invitation", tier: "STANDARD", evidenceIds }),
    );
    const row = await db.application.findUniqueOrThrow({
      where: { id: created.id },
      select: { feeBaseMinor: true, feeSurchargeMinor: true },
    });
    expect(row).toEqual({ feeBaseMinor: 7_777, feeSurchargeMinor: 0 });
  });

  it("returns the same application for a second submission with the same key", async () => {
    const applicant = await newApplicant();
    const data = input({ evidenceIds: await passportEvidence(applicant.id) });
    const first = await createApplication(applicant, data);
    const second = await createApplication(applicant, data);
    expect(second).toEqual({ ...first, created: false });
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(1);
    expect(await db.timelineEvent.count({ where: { applicationId: first.id, action: "SUBMITTED" } })).toBe(1);
    expect(
      await db.notification.count({ where: { applicationId: first.id, recipientId: applicant.id } }),
    ).toBe(3);
  });

  it("creates exactly one application for concurrent submissions with the same key", async () => {
    const applicant = await newApplicant();
    const data = input({ evidenceIds: await passportEvidence(applicant.id) });
    const results = await Promise.all([
      createApplication(applicant, data),
      createApplication(applicant, data),
      createApplication(applicant, data),
    ]);
    expect(new Set(results.map((result) => result.number)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(1);
    expect(
      await db.notification.count({ where: { applicationId: results[0]!.id, recipientId: applicant.id } }),
    ).toBe(3);
  });

  it("refuses a submission key another applicant already used", async () => {
    const [owner, intruder] = [await newApplicant(), await newApplicant()];
    const data = input({ evidenceIds: await passportEvidence(owner.id) });
    await createApplication(owner, data);
    await expect(
      createApplication(intruder, { ...data, evidenceIds: await passportEvidence(intruder.id) }),
    ).rejects.toMatchObject({
      messageKey: "apply.errors.submissionConflict",
    });
    expect(await db.application.count({ where: { applicantId: intruder.id } })).toBe(0);
  });

  it("never stores the raw ID number, anywhere in the rows the submission writes", async () => {
    const applicant = await newApplicant();
    const created = await createApplication(
      applicant,
      input({ evidenceIds: await passportEvidence(applicant.id) }),
    );
    const rows = await db.$queryRaw<{ json: string }[]>`
      SELECT row_to_json(a)::text AS json FROM application a WHERE a.id = ${created.id}::uuid
      UNION ALL SELECT row_to_json(n)::text FROM notification n WHERE n.application_id = ${created.id}::uuid
      UNION ALL SELECT row_to_json(t)::text FROM timeline_event t WHERE t.application_id = ${created.id}::uuid
      UNION ALL SELECT row_to_json(l)::text FROM audit_log l WHERE l.entity_id = ${created.id}`;
    // Case, three notices, the timeline event and the audit entry, plus whatever auto-assignment wrote.
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const { json } of rows) {
      expect(json).not.toContain(ID_NUMBER);
      // Not even the part the mask hides.
      expect(json).not.toContain(ID_NUMBER.slice(3, 14));
    }
    const row = await db.application.findUniqueOrThrow({
      where: { id: created.id },
      select: { idNumberHash: true, idNumberMasked: true },
    });
    expect(row.idNumberHash).toBe(hashIdNumber("CN_RESIDENT_ID", ID_NUMBER, process.env.ID_HASH_KEY!));
    expect(row.idNumberMasked).toBe(`${ID_NUMBER.slice(0, 3)}${"*".repeat(11)}${ID_NUMBER.slice(-4)}`);
  });

  it("queues in-app, email and text notices in the applicant's language with a minimal payload", async () => {
    const applicant = await newApplicant("en");
    const created = await createApplication(
      applicant,
      input({ evidenceIds: await passportEvidence(applicant.id) }),
    );
    const notices = await db.notification.findMany({
      where: { applicationId: created.id, recipientId: applicant.id },
      orderBy: { channel: "asc" },
    });
    expect(
      notices.map((notice) => [
        notice.channel,
        notice.recipientId,
        notice.toAddress,
        notice.template,
        notice.locale,
        notice.status,
      ]),
    ).toEqual([
      ["IN_APP", applicant.id, null, "application.received", "en", "PENDING"],
      ["EMAIL", applicant.id, "contact@test.example", "application.received", "en", "PENDING"],
      // By text as well, to the number as E.164 (decision 033).
      ["SMS", applicant.id, "+8613800138000", "application.received", "en", "PENDING"],
    ]);
    for (const notice of notices)
      expect(notice.payload).toEqual({ number: created.number, service: "passport-renewal", tier: "URGENT" });
  });

  it("refuses another applicant's evidence and saves nothing", async () => {
    const [applicant, other] = [await newApplicant(), await newApplicant()];
    const theirs = await draft(other.id, "URGENCY_PROOF");
    const evidenceIds = [await draft(applicant.id, "ID_PROOF"), await draft(applicant.id, "OTHER"), theirs];
    await expectFieldError(
      createApplication(applicant, input({ evidenceIds })),
      "evidenceIds",
      "evidence.notYourDraft",
    );
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(
      await db.evidenceFile.count({ where: { id: { in: evidenceIds }, applicationId: { not: null } } }),
    ).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: applicant.id } })).toBe(0);
  });

  it("refuses evidence already attached to another case", async () => {
    const applicant = await newApplicant();
    const evidenceIds = await passportEvidence(applicant.id);
    await createApplication(applicant, input({ evidenceIds }));
    await expectFieldError(
      createApplication(applicant, input({ evidenceIds })),
      "evidenceIds",
      "evidence.notYourDraft",
    );
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("refuses a submission without the required evidence", async () => {
    const applicant = await newApplicant();
    const evidenceIds = [await draft(applicant.id, "ID_PROOF"), await draft(applicant.id, "OTHER")];
    await expectFieldError(
      createApplication(applicant, input({ evidenceIds })),
      "evidenceIds",
      "apply.errors.evidenceMissing",
    );
    await expectFieldError(
      createApplication(applicant, input({ evidenceIds: [] })),
      "evidenceIds",
      "apply.errors.evidenceMissing",
    );
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(await db.evidenceFile.count({ where: { id: { in: evidenceIds }, applicationId: null } })).toBe(2);
  });

  it("refuses a tier the service does not offer and a service that is not active", async () => {
    const applicant = await newApplicant();
    const evidenceIds = [await draft(applicant.id, "ID_PROOF"), await draft(applicant.id, "OTHER")];
    await expectFieldError(
      createApplication(applicant, input({ serviceCode: "visa-invitation", tier: "EXPRESS", evidenceIds })),
      "tier",
      "apply.errors.tierUnavailable",
    );
    await expect(
      createApplication(applicant, input({ serviceCode: "no-such-service", evidenceIds })),
    ).rejects.toMatchObject({
      messageKey: "apply.errors.serviceUnavailable",
    });
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(0);
  });

  it("draws a new number when the random one is taken", async () => {
    const applicant = await newApplicant();
    const taken = (await db.application.findFirstOrThrow({ select: { number: true } })).number;
    const draws = [taken, taken, "EX00000003Z"];
    const created = await createApplication(
      applicant,
      input({ evidenceIds: await passportEvidence(applicant.id) }),
      {
        generateNumber: () => draws.shift()!,
      },
    );
    expect(created).toMatchObject({ number: "EX00000003Z", created: true });
  });

  it("refuses an applicant whose email is not confirmed yet, and files once it is", async () => {
    const applicant = await newApplicant();
    await db.user.update({ where: { id: applicant.id }, data: { emailConfirmedAt: null } });
    const filing = input({ evidenceIds: await passportEvidence(applicant.id) });
    await expect(createApplication(applicant, filing)).rejects.toMatchObject({
      messageKey: "apply.errors.emailUnconfirmed",
    });
    expect(await db.application.count({ where: { applicantId: applicant.id } })).toBe(0);

    await db.user.update({ where: { id: applicant.id }, data: { emailConfirmedAt: new Date() } });
    expect(await createApplication(applicant, filing)).toMatchObject({ created: true });
  });

  it("is only for applicants", async () => {
    const reviewer = await db.user.findUniqueOrThrow({
      where: { email: "reviewer1@expedite.test" },
      select: { id: true, role: true },
    });
    await expect(createApplication(reviewer, input({ evidenceIds: [] }))).rejects.toBeInstanceOf(
      NotAuthorizedError,
    );
  });
});
