import "server-only";
import { assignOnDuty } from "@/lib/rota/auto-assign-mutations";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { quoteFee } from "@/lib/catalog/fees";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { attachDraftEvidence } from "@/lib/evidence/mutations";
import { missingRequiredKinds } from "@/lib/evidence/requirements";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { hashIdNumber } from "@/lib/identity/id-number-hash";
import { maskIdNumber } from "@/lib/identity/id-number";
import { sendsSms } from "@/lib/notifications/templates";
import { findDayShiftStarts } from "@/lib/rota/day-shift-data";
import { nextDayShiftStart } from "@/lib/rota/day-shift";
import { pageResponsible } from "@/lib/paging/mutations";
import { recordWebhookEvent } from "@/lib/webhooks/outbox-mutations";
import { generateApplicationNumber } from "./application-number";
import { initialDueDates } from "./deadline";
import type { ApplicationInput } from "./schema";
import { triageRecord } from "./triage";

type Tx = Prisma.TransactionClient;
type EvidenceRule = { kind: EvidenceKind; required: boolean };

// A collision needs two equal 40-bit random numbers; a few in a row means something else is wrong.
const MAX_NUMBER_ATTEMPTS = 5;

export type CreatedApplication = { id: string; number: string; created: boolean };

/**
 * Filed through the partner API (decision 037): the client and key are recorded on the case, and the
 * applicant's messages go out in the language the partner gave for them, not its own account's.
 */
export type PartnerFiling = { apiClientId: string; apiKeyId: string; locale?: Locale };

type Options = { now?: Date; ip?: string | null; generateNumber?: () => string; partner?: PartnerFiling };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The application a submission key already produced, if any; another applicant's key is refused. */
async function findBySubmissionKey(
  viewer: Viewer,
  submissionKey: string,
): Promise<CreatedApplication | null> {
  const existing = await db.application.findUnique({
    where: { submissionKey },
    select: { id: true, number: true, applicantId: true },
  });
  if (!existing) return null;
  if (existing.applicantId !== viewer.id) throw new UserFacingError("apply.errors.submissionConflict");
  return { id: existing.id, number: existing.number, created: false };
}

/**
 * Files an application: one transaction that inserts it with the fee and due times of the current
 * catalog, attaches the applicant's draft evidence, and writes the timeline, audit and outbox rows.
 *
 * Idempotent on `submissionKey` (a double click, a retry after a timeout, the back button): the
 * unique index decides, so of two concurrent calls one inserts and the other waits for it, fails
 * on the index and returns the same application.
 */
export async function createApplication(
  viewer: Viewer,
  input: ApplicationInput,
  options: Options = {},
): Promise<CreatedApplication> {
  assertArea(viewer, "portal");
  const existing = await findBySubmissionKey(viewer, input.submissionKey);
  if (existing) return existing;

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => insertApplication(tx, viewer, input, options));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await findBySubmissionKey(viewer, input.submissionKey);
      if (winner) return winner;
      // Not the submission key, so the random number collided: draw another.
      if (attempt >= MAX_NUMBER_ATTEMPTS) throw error;
    }
  }
}

async function insertApplication(
  tx: Tx,
  viewer: Viewer,
  input: ApplicationInput,
  options: Options,
): Promise<CreatedApplication> {
  const now = options.now ?? new Date();
  // Service, tier and fee come from the catalog as it is now, never from the form.
  const service = await tx.serviceType.findFirst({
    where: { code: input.serviceCode, active: true },
    select: {
      id: true,
      code: true,
      baseFeeMinor: true,
      currency: true,
      tiers: {
        where: { tier: input.tier, available: true },
        select: {
          surchargeMinor: true,
          processingHours: true,
          nodeTargets: { select: { node: true, targetMinutes: true } },
        },
      },
      evidence: { orderBy: { sortOrder: "asc" }, select: { kind: true, required: true } },
    },
  });
  if (!service) throw new UserFacingError("apply.errors.serviceUnavailable");
  const tier = service.tiers[0];
  if (!tier) throw new UserFacingError("errors.checkFields", { tier: ["apply.errors.tierUnavailable"] });
  const fee = quoteFee({ baseFeeMinor: service.baseFeeMinor, surchargeMinor: tier.surchargeMinor });
  const account = await tx.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { locale: true, emailConfirmedAt: true },
  });
  const applicant = { ...account, locale: options.partner?.locale ?? account.locale };
  // Self-registered accounts file only once their address is proven (decision 010).
  if (!applicant.emailConfirmedAt) throw new UserFacingError("apply.errors.emailUnconfirmed");
  // Recomputed here from the answers and the server's clock: a score from the client is never read.
  const triage = triageRecord(input.triage, {
    now,
    neededBy: input.neededByAt,
    utcOffsetMinutes: input.utcOffsetMinutes,
    timeZone: serverEnv().ROTA_TIME_ZONE,
    nextDayRequested: input.triageNextDay,
  });
  // "Start next morning" (decision 035): no due times and nobody assigned until the day shift
  // starts; lib/rota/scheduled-mutations.ts starts the case then and times it from that instant.
  const scheduledStartAt = triage.answers.scheduledNextDay
    ? nextDayShiftStart(now, serverEnv().ROTA_TIME_ZONE, await findDayShiftStarts(tx))
    : null;
  const due = scheduledStartAt
    ? { nodeDueAt: null, caseDueAt: null }
    : initialDueDates({
        submittedAt: now,
        processingHours: tier.processingHours,
        nodeTargets: tier.nodeTargets,
      });

  // Inserted first: a concurrent twin with the same key blocks here until this one commits.
  const application = await tx.application.create({
    data: {
      number: (options.generateNumber ?? generateApplicationNumber)(),
      submissionKey: input.submissionKey,
      applicantId: viewer.id,
      serviceId: service.id,
      tier: input.tier,
      reason: input.reason,
      neededBy: input.neededByAt,
      triageScore: triage.score,
      triageAnswers: triage.answers,
      applicantName: input.applicantName,
      idType: input.idType,
      idNumberHash: hashIdNumber(input.idType, input.idNumber, serverEnv().ID_HASH_KEY),
      idNumberMasked: maskIdNumber(input.idType, input.idNumber),
      phone: input.phone,
      email: input.email,
      locale: applicant.locale,
      currentNode: "SUBMITTED",
      status: "IN_PROGRESS",
      feeBaseMinor: fee.baseMinor,
      feeSurchargeMinor: fee.surchargeMinor,
      currency: service.currency,
      nodeDueAt: due.nodeDueAt,
      caseDueAt: due.caseDueAt,
      scheduledStartAt,
      submittedAt: now,
      apiClientId: options.partner?.apiClientId ?? null,
      apiKeyId: options.partner?.apiKeyId ?? null,
    },
    select: { id: true, number: true, version: true },
  });

  await attachEvidence(tx, viewer.id, application.id, input.evidenceIds, service.evidence);

  await tx.timelineEvent.create({
    data: {
      applicationId: application.id,
      node: "SUBMITTED",
      action: "SUBMITTED",
      actorId: viewer.id,
      occurredAt: now,
      dueAt: due.nodeDueAt,
    },
  });
  // Someone on duty gets it at once (lib/rota decides who, if anyone); a case scheduled for the next
  // morning waits for its start (decision 035).
  const assigned = scheduledStartAt
    ? null
    : await assignOnDuty(tx, { applicationId: application.id, serviceId: service.id, reason: "new", now });
  // Express promises first contact within 15 minutes: the person on duty is paged outside the app too.
  if (input.tier === "EXPRESS" && !scheduledStartAt)
    await pageResponsible(tx, {
      caseRef: { id: application.id, number: application.number, tier: input.tier },
      reason: "NEW_EXPRESS",
      assigneeId: assigned?.assigneeId ?? null,
      now,
    });
  const summary = { number: application.number, service: service.code, tier: input.tier };
  const received = {
    ...summary,
    ...(scheduledStartAt ? { startsAt: scheduledStartAt.toISOString() } : {}),
  };
  await tx.auditLog.create({
    data: {
      actorId: viewer.id,
      action: "application.submitted",
      entityType: "application",
      entityId: application.id,
      details: {
        ...summary,
        feeTotalMinor: fee.totalMinor,
        currency: service.currency,
        evidenceCount: input.evidenceIds.length,
        triageScore: triage.score,
        scheduledStartAt: scheduledStartAt?.toISOString() ?? null,
      },
      ip: options.ip ?? null,
    },
  });
  // Outbox: delivered by the worker after commit. The payload is minimal and never holds the ID number.
  await tx.notification.createMany({
    data: [
      {
        recipientId: viewer.id,
        applicationId: application.id,
        channel: "IN_APP",
        template: "application.received",
        locale: applicant.locale,
        payload: received,
      },
      {
        recipientId: viewer.id,
        applicationId: application.id,
        channel: "EMAIL",
        template: "application.received",
        locale: applicant.locale,
        payload: received,
        toAddress: input.email,
      },
      // By text too (the template's `sms` flag), to the number just typed: E.164 from the schema.
      ...(sendsSms("application.received")
        ? [
            {
              recipientId: viewer.id,
              applicationId: application.id,
              channel: "SMS" as const,
              template: "application.received",
              locale: applicant.locale,
              payload: received,
              toAddress: input.phone,
            },
          ]
        : []),
    ],
  });
  // Webhooks (lib/webhooks): nothing is stored unless an endpoint wants it.
  await recordWebhookEvent(tx, {
    applicationId: application.id,
    type: "application.submitted",
    application: {
      number: application.number,
      status: "IN_PROGRESS",
      currentNode: "SUBMITTED",
      version: application.version,
    },
    occurredAt: now,
  });
  return { id: application.id, number: application.number, created: true };
}

/**
 * Turns the applicant's drafts into the case's files (attachDraftEvidence refuses anything that is
 * not their own unattached draft), then insists on the required kinds. Either failure rolls back the
 * whole submission and comes back as an error on the evidence field.
 */
async function attachEvidence(
  tx: Tx,
  uploaderId: string,
  applicationId: string,
  evidenceIds: string[],
  requirements: EvidenceRule[],
) {
  let attached: { kind: EvidenceKind }[];
  try {
    attached = await attachDraftEvidence(tx, { uploaderId, applicationId, evidenceIds });
  } catch (error) {
    if (error instanceof UserFacingError && !error.fieldErrors)
      throw new UserFacingError("errors.checkFields", { evidenceIds: [error.messageKey] });
    throw error;
  }
  if (missingRequiredKinds(requirements, attached).length > 0) {
    throw new UserFacingError("errors.checkFields", { evidenceIds: ["apply.errors.evidenceMissing"] });
  }
}
