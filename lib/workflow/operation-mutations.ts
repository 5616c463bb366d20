import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { saveResultDocument, type NewEvidenceFile } from "@/lib/evidence/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import { isStepLate } from "@/lib/cases/next-due";
import { pageResponsible } from "@/lib/paging/mutations";
import { payOutAfterCommit } from "@/lib/payments/refund-execution-mutations";
import { requestRefund } from "@/lib/payments/refund-mutations";
import { actorFor, type WorkflowViewer } from "./actors";
import {
  lockCase,
  queueApplicantNotice,
  queueStaffNotice,
  stateOf,
  type LockedCase,
  type Tx,
} from "./shared-mutations";
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  TransitionNotAllowedError,
  TransitionRequirementError,
} from "./errors";
import { systemNoteColumns, type StoredSystemNote } from "./system-notes";
import { isOperationAllowed, nextFollowUpAt, operationRule, type OperationName } from "./operations";

export type OperationArgs = {
  applicationId: string;
  /** The version the caller saw; anything else means someone changed the case meanwhile. */
  expectedVersion: number;
  viewer: Viewer;
  now?: Date;
};

export type OperationOutcome = { applicationId: string; number: string; version: number };

/** What an operation changes besides the version, and what it tells whom. */
type Effect = {
  patch?: Prisma.ApplicationUncheckedUpdateManyInput;
  publicNote?: string | null;
  internalNote?: string | null;
  auditDetails?: Record<string, string | number | null>;
  applicantNotice?: string;
  /** What the applicant's message needs besides the number (e.g. expectedAt). */
  applicantNoticeExtra?: Record<string, string>;
  /** A note the server writes itself (system-notes.ts), read in each viewer's language. */
  systemNote?: StoredSystemNote;
  /** The current node's due time after the operation, when it changes it (tier changes). */
  dueAt?: Date | null;
  staffNotice?: { recipientId: string; template: string };
  /** In-app notices for several staff at once (a follow-up on an unassigned case reaches every supervisor). */
  staffNotices?: { recipientId: string; template: string }[];
};

/**
 * The frame every operation shares, inside the caller's transaction: lock the case, compare the
 * version, check the operation table (operations.ts), apply the effect guarded by the version, then
 * timeline, audit and outbox. Any throw rolls all of it back.
 */
export async function applyOperation(
  tx: Tx,
  name: OperationName,
  args: OperationArgs,
  effectFor: (row: LockedCase, tx: Tx) => Promise<Effect> | Effect,
): Promise<OperationOutcome> {
  const { applicationId, expectedVersion, viewer } = args;
  const now = args.now ?? new Date();
  const row = z.uuid().safeParse(applicationId).success ? await lockCase(tx, applicationId) : null;
  if (!row || !actorFor({ applicantId: row.applicant_id, assigneeId: row.assignee_id }, viewer))
    throw new CaseNotFoundError();
  if (row.version !== expectedVersion) throw new ConcurrentChangeError();
  if (!isOperationAllowed(stateOf(row), await withHandledServices(tx, viewer, row.service_id), name))
    throw new TransitionNotAllowedError();

  const effect = await effectFor(row, tx);
  const { count } = await tx.application.updateMany({
    where: { id: row.id, version: expectedVersion },
    data: { ...effect.patch, version: { increment: 1 }, updatedAt: now },
  });
  if (count !== 1) throw new ConcurrentChangeError();
  await tx.timelineEvent.create({
    data: {
      applicationId: row.id,
      node: row.current_node,
      action: operationRule(name).action,
      actorId: viewer.id,
      publicNote: effect.publicNote ?? null,
      internalNote: effect.internalNote ?? null,
      ...(effect.systemNote ? systemNoteColumns(effect.systemNote) : {}),
      occurredAt: now,
      dueAt: effect.dueAt ?? null,
    },
  });
  await recordAudit(tx, {
    actorId: viewer.id,
    action: `workflow.${name}`,
    entityType: "application",
    entityId: row.id,
    details: {
      number: row.number,
      node: row.current_node,
      version: expectedVersion + 1,
      ...effect.auditDetails,
    },
    createdAt: now,
  });
  if (effect.applicantNotice)
    await queueApplicantNotice(tx, row, effect.applicantNotice, now, effect.applicantNoticeExtra);
  if (effect.staffNotice)
    await queueStaffNotice(tx, effect.staffNotice.recipientId, row, effect.staffNotice.template, now);
  for (const notice of effect.staffNotices ?? [])
    await queueStaffNotice(tx, notice.recipientId, row, notice.template, now);
  return { applicationId: row.id, number: row.number, version: expectedVersion + 1 };
}

/** Claiming depends on the services the viewer handles; only that one matters here. */
async function withHandledServices(tx: Tx, viewer: Viewer, serviceId: string): Promise<WorkflowViewer> {
  if (viewer.role !== "REVIEWER") return viewer;
  const handles = await tx.staffService.findUnique({
    where: { userId_serviceId: { userId: viewer.id, serviceId } },
    select: { userId: true },
  });
  return { ...viewer, handledServiceIds: handles ? [serviceId] : [] };
}

function run(name: OperationName, args: OperationArgs, effectFor: Parameters<typeof applyOperation>[3]) {
  return db.$transaction((tx) => applyOperation(tx, name, args, effectFor));
}

/** A reviewer (or supervisor) takes an unassigned case. Of two claiming at once, one wins. */
export function claimCase(args: OperationArgs) {
  return run("CLAIM", args, () => ({
    patch: { assigneeId: args.viewer.id, unstaffedAt: null },
    auditDetails: { assigneeId: args.viewer.id },
  }));
}

/**
 * A supervisor assigns, reassigns or (null) releases a case. The new assignee must be an active
 * reviewer who handles the case's service, or a supervisor.
 */
export function assignCase(args: OperationArgs & { assigneeId: string | null; note?: string }) {
  return run("ASSIGN", args, async (row, tx) => {
    if (args.assigneeId !== null) await assertAssignable(tx, args.assigneeId, row.service_id);
    const staffNotice =
      args.assigneeId && args.assigneeId !== args.viewer.id
        ? { recipientId: args.assigneeId, template: "staff.assigned" }
        : undefined;
    return {
      // Someone holds it now: no longer a case nobody on duty could take.
      patch: { assigneeId: args.assigneeId, ...(args.assigneeId ? { unstaffedAt: null } : {}) },
      internalNote: args.note ?? null,
      auditDetails: { previousAssigneeId: row.assignee_id, assigneeId: args.assigneeId },
      staffNotice,
    };
  });
}

/**
 * FOR SHARE: a deactivation (which unassigns the person's open cases) waits for this transaction,
 * or this one sees the person inactive — a case never lands on someone just deactivated.
 */
async function assertAssignable(tx: Tx, userId: string, serviceId: string) {
  const eligible = z.uuid().safeParse(userId).success
    ? await tx.$queryRaw<{ id: string }[]>`
        SELECT u.id::text FROM "user" u
         WHERE u.id = ${userId}::uuid AND u.active
           AND (u.role = 'SUPERVISOR'
                OR (u.role = 'REVIEWER' AND EXISTS (SELECT 1 FROM staff_service s WHERE s.user_id = u.id AND s.service_id = ${serviceId}::uuid)))
           FOR SHARE OF u`
    : [];
  if (eligible.length === 0)
    throw new TransitionRequirementError({ assigneeId: ["workspace.errors.assigneeNotEligible"] });
}

/**
 * A result document for the case: stored, then recorded on the timeline in the same transaction as
 * its row (a refusal there deletes the stored file again). The applicant sees it once issued.
 */
export async function uploadResultDocument(
  args: OperationArgs & { file: NewEvidenceFile },
): Promise<OperationOutcome | null> {
  let outcome: OperationOutcome | null = null;
  await saveResultDocument(
    args.viewer,
    { ...args.file, applicationId: args.applicationId },
    {
      afterInsert: async (tx, saved) => {
        const details = { evidenceId: saved.id, name: saved.originalName };
        outcome = await applyOperation(tx, "UPLOAD_RESULT_DOCUMENT", args, () => ({ auditDetails: details }));
      },
    },
  );
  // null: the very same file was already on the case, so nothing changed.
  return outcome;
}

/** A note on the case: public ones reach the applicant (and notify them), internal ones stay with staff. */
export function addCaseNote(args: OperationArgs & { publicNote?: string; internalNote?: string }) {
  return run("ADD_NOTE", args, () => {
    if (!args.publicNote && !args.internalNote)
      throw new TransitionRequirementError({ publicNote: ["workspace.errors.noteRequired"] });
    return {
      publicNote: args.publicNote ?? null,
      internalNote: args.internalNote ?? null,
      applicantNotice: args.publicNote ? "case.noteAdded" : undefined,
    };
  });
}

/** A payment taken outside the portal (counter, bank transfer), with its reference. */
export async function recordPaymentByStaff(args: OperationArgs & { reference: string }) {
  try {
    return await run("RECORD_PAYMENT", args, (row) => {
      const amountMinor = row.fee_base_minor + row.fee_surcharge_minor;
      const now = args.now ?? new Date();
      return {
        patch: {
          paymentStatus: "PAID",
          paidAt: now,
          paymentProvider: "staff",
          paymentReference: args.reference,
        },
        auditDetails: { reference: args.reference, amountMinor, currency: row.currency },
        applicantNotice: "payment.recorded",
      };
    });
  } catch (error) {
    // payment_reference is unique: a reference already used elsewhere is a typo or a second booking.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new TransitionRequirementError({ reference: ["workspace.errors.referenceUsed"] });
    }
    throw error;
  }
}

/**
 * A supervisor's refund (whole fee or part of it), with the reason the applicant sees: recorded as
 * the case's MANUAL refund and paid out through the provider like every other (decision 031), at
 * most what has not gone back already. The fee counts as refunded from now on.
 */
export async function recordRefund(args: OperationArgs & { amountMinor: number; reason: string }) {
  const now = args.now ?? new Date();
  const outcome = await run("RECORD_REFUND", { ...args, now }, async (row, tx) => {
    const totalMinor = row.fee_base_minor + row.fee_surcharge_minor;
    const earlier = await tx.refund.aggregate({
      where: { applicationId: row.id },
      _sum: { amountMinor: true },
    });
    if (!(args.amountMinor > 0 && args.amountMinor <= totalMinor - (earlier._sum.amountMinor ?? 0))) {
      throw new TransitionRequirementError({ amount: ["workspace.errors.refundAmount"] });
    }
    const { created } = await requestRefund(tx, {
      applicationId: row.id,
      cause: "MANUAL",
      amountMinor: args.amountMinor,
      actorId: args.viewer.id,
      now,
    });
    if (!created) throw new TransitionNotAllowedError();
    return {
      // The amount and time are written when the provider confirms (refundedMinor is their sum).
      patch: { paymentStatus: "REFUNDED" },
      publicNote: args.reason,
      auditDetails: { amountMinor: args.amountMinor, currency: row.currency },
    };
  });
  await payOutAfterCommit(outcome.applicationId, now);
  return outcome;
}

/**
 * A supervisor waives the fee of an open case, with a reason (staff only; audited). Unpaid: nothing
 * is owed any more, and approval accepts it. Paid: the same, and what has not gone back yet is
 * refunded under the cause WAIVED, through the provider like every refund (decision 031).
 */
export async function waiveFee(args: OperationArgs & { reason: string }) {
  const now = args.now ?? new Date();
  let refunded = false;
  const outcome = await run("WAIVE_FEE", { ...args, now }, async (row, tx) => {
    const totalMinor = row.fee_base_minor + row.fee_surcharge_minor;
    const earlier = await tx.refund.aggregate({
      where: { applicationId: row.id },
      _sum: { amountMinor: true },
    });
    const amountMinor = Math.max(0, totalMinor - (earlier._sum.amountMinor ?? 0));
    ({ created: refunded } = await requestRefund(tx, {
      applicationId: row.id,
      cause: "WAIVED",
      amountMinor,
      actorId: args.viewer.id,
      now,
    }));
    return {
      patch: { paymentStatus: "WAIVED" },
      internalNote: args.reason,
      auditDetails: { reason: args.reason, ...(refunded ? { amountMinor, currency: row.currency } : {}) },
      applicantNotice: "payment.waived",
    };
  });
  if (refunded) await payOutAfterCommit(outcome.applicationId, now);
  return outcome;
}

/** A follow-up within FOLLOW_UP_INTERVAL_MS of the last one; says when the next one is accepted. */
export class FollowUpTooSoonError extends UserFacingError {
  constructor(readonly nextAllowedAt: Date) {
    super("case.followUp.tooSoon");
    this.name = "FollowUpTooSoonError";
  }
}

/** Nothing is late yet: a reminder is offered only once a step is past its due time. */
export class FollowUpNotLateError extends UserFacingError {
  constructor() {
    super("case.followUp.notLate");
    this.name = "FollowUpNotLateError";
  }
}

/**
 * The applicant asks staff to hurry (催办): a public timeline entry, an audit row, and an in-app
 * notice to the assignee or, while nobody holds the case, to every active supervisor. The interval
 * is checked under the case lock, so two follow-ups sent at once cannot both pass it.
 */
export async function requestCaseFollowUp(
  args: OperationArgs,
): Promise<OperationOutcome & { nextAllowedAt: Date }> {
  const now = args.now ?? new Date();
  const outcome = await run("FOLLOW_UP", { ...args, now }, async (row, tx) => {
    // Under the case lock: the due time read here is the one the case has.
    const due = await tx.application.findUniqueOrThrow({
      where: { id: row.id },
      select: { nodeDueAt: true },
    });
    if (!isStepLate({ status: row.status, currentNode: row.current_node, nodeDueAt: due.nodeDueAt }, now))
      throw new FollowUpNotLateError();
    const last = await tx.timelineEvent.findFirst({
      where: { applicationId: row.id, action: "FOLLOW_UP" },
      orderBy: { occurredAt: "desc" },
      select: { occurredAt: true },
    });
    if (last && now < nextFollowUpAt(last.occurredAt))
      throw new FollowUpTooSoonError(nextFollowUpAt(last.occurredAt));
    const recipientIds = row.assignee_id
      ? [row.assignee_id]
      : (
          await tx.user.findMany({
            where: { role: "SUPERVISOR", active: true },
            orderBy: { id: "asc" },
            select: { id: true },
          })
        ).map((user) => user.id);
    // Outside the app too: the assignee while on duty, else the supervisor(s) on duty (lib/paging).
    await pageResponsible(tx, {
      caseRef: { id: row.id, number: row.number, tier: row.tier },
      reason: "FOLLOW_UP",
      assigneeId: row.assignee_id,
      now,
    });
    return {
      staffNotices: recipientIds.map((recipientId) => ({ recipientId, template: "staff.followUp" })),
      auditDetails: { notified: recipientIds.length },
    };
  });
  return { ...outcome, nextAllowedAt: nextFollowUpAt(now) };
}
