import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import type { ApplicationStatus, WorkflowNode } from "@/lib/generated/prisma/enums";
import { payOutAfterCommit } from "@/lib/payments/refund-execution-mutations";
import { requestClosingRefund } from "@/lib/payments/refund-mutations";
import { assignOnDuty } from "@/lib/rota/auto-assign-mutations";
import { recordMoveEvents } from "@/lib/webhooks/outbox-mutations";
import {
  lockCaseFor,
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
import { isClosedStatus } from "./nodes";
import { pausedMinutesOf } from "./supplement-deadline";
import {
  transitionInputSchema,
  type ParsedTransitionInput,
  type SupplementItemInput,
  type TransitionInput,
} from "./schema";
import { OWNER, findAllowedTransition, type AvailableTransition, type TransitionName } from "./transitions";

export type PerformTransitionArgs = {
  applicationId: string;
  /** The version the caller saw; anything else means someone changed the case meanwhile. */
  expectedVersion: number;
  viewer: Viewer;
  transition: TransitionName;
  input?: TransitionInput;
  /** Tests pin the clock. */
  now?: Date;
};

export type TransitionOutcome = {
  applicationId: string;
  number: string;
  version: number;
  currentNode: WorkflowNode;
  status: ApplicationStatus;
  supplementRequestId: string | null;
};

const MINUTE = 60_000;

/**
 * Moves a case along the workflow in one transaction, or changes nothing at all.
 *
 * The row is locked (FOR UPDATE) and its version compared with what the caller saw, and the update
 * itself is guarded by the version again, so of two people acting on the same state exactly one
 * wins and the other gets ConcurrentChangeError. Timeline, audit log, outbox and supplement rows
 * are written in the same transaction: a failure anywhere rolls all of them back.
 */
export async function performTransition(args: PerformTransitionArgs): Promise<TransitionOutcome> {
  const { applicationId, expectedVersion, viewer, transition } = args;
  const now = args.now ?? new Date();
  if (!z.uuid().safeParse(applicationId).success) throw new CaseNotFoundError();
  const parsed = transitionInputSchema.safeParse(args.input ?? {});
  if (!parsed.success) throw new TransitionRequirementError(fieldErrorsOf(parsed.error));

  let refundRequested = false;
  const outcome = await db.$transaction(async (tx) => {
    const { row, actor } = await lockCaseFor(tx, applicationId, viewer, expectedVersion);
    const allowed = findAllowedTransition(stateOf(row), viewer, transition);
    if (!allowed) throw new TransitionNotAllowedError();
    // Applicants write no internal notes, whatever a crafted request carries.
    const input: ParsedTransitionInput =
      actor === OWNER ? { ...parsed.data, internalNote: undefined } : parsed.data;

    const openRequest =
      allowed.name === "PROVIDE_SUPPLEMENT" ? await lockOpenSupplementRequest(tx, row.id) : null;
    await checkRequirements(tx, { allowed, row, input, now, openRequestId: openRequest?.id ?? null });

    const nodeDueAt = await dueAtFor(tx, row, allowed, input, now);
    const closedAt = isClosedStatus(allowed.status) ? now : null;
    // Time spent waiting for the applicant stops the case clock: the case's due time moves on by it.
    // Only up to the request's due time: after it lapses the time counts again (decision 034).
    const pausedMinutes = openRequest
      ? pausedMinutesOf({ setAt: openRequest.setAt, dueAt: openRequest.dueAt, now })
      : 0;
    // Every node starts its own clock, and the overdue watch warns once per node.
    const updated = await tx.$executeRaw`
      UPDATE application
         SET current_node = ${allowed.to}::workflow_node,
             status = ${allowed.status}::application_status,
             node_due_at = ${nodeDueAt},
             node_entered_at = ${now},
             sla_warned_at = NULL,
             sla_escalated_at = NULL,
             supplement_lapsed_at = NULL,
             paused_minutes = paused_minutes + ${pausedMinutes},
             case_due_at = case_due_at + make_interval(mins => ${pausedMinutes}::int),
             closed_at = ${closedAt},
             version = version + 1,
             updated_at = ${now}
       WHERE id = ${row.id}::uuid AND version = ${expectedVersion}`;
    if (updated !== 1) throw new ConcurrentChangeError();
    // Partners' and internal systems' webhooks (lib/webhooks), committed or rolled back with the move.
    await recordMoveEvents(tx, {
      row,
      transition: allowed.name,
      status: allowed.status,
      to: allowed.to,
      expectedVersion,
      now,
    });
    // Decided later than promised, or withdrawn: the refund the rules give, recorded with the closing.
    if (allowed.status === "APPROVED" || allowed.status === "REJECTED" || allowed.status === "WITHDRAWN") {
      const refund = await requestClosingRefund(tx, {
        applicationId: row.id,
        status: allowed.status,
        actorId: null,
        now,
      });
      refundRequested = refund.created;
    }

    let supplementRequestId: string | null = null;
    if (allowed.name === "REQUEST_SUPPLEMENT") {
      supplementRequestId = await createSupplementRequest(tx, {
        applicationId: row.id,
        requestedById: viewer.id,
        items: input.items ?? [],
        dueAt: input.dueAt!,
        fromNode: allowed.from,
        now,
      });
    }
    if (openRequest) {
      await tx.supplementRequest.update({
        where: { id: openRequest.id },
        data: { status: "FULFILLED", fulfilledAt: now },
      });
      supplementRequestId = openRequest.id;
    }

    await tx.timelineEvent.create({
      data: {
        applicationId: row.id,
        node: allowed.to,
        action: allowed.action,
        actorId: viewer.id,
        publicNote: input.publicNote ?? null,
        internalNote: input.internalNote ?? null,
        occurredAt: now,
        dueAt: nodeDueAt,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: viewer.id,
        action: `workflow.${allowed.name}`,
        entityType: "application",
        entityId: row.id,
        details: {
          number: row.number,
          from: allowed.from,
          to: allowed.to,
          version: expectedVersion + 1,
          supplementRequestId,
        },
        createdAt: now,
      },
    });
    // The step's due time (for a supplement request: the answer's) goes into the message (issue 15).
    await queueApplicantNotice(tx, row, allowed.notify, now, {
      node: allowed.to,
      ...(nodeDueAt ? { dueAt: nodeDueAt.toISOString() } : {}),
    });
    if (allowed.name === "PROVIDE_SUPPLEMENT") {
      // A case back from the applicant goes to someone on duty (lib/rota decides who, if anyone),
      // and whoever holds it then learns that the applicant answered.
      const assigned = await assignOnDuty(tx, {
        applicationId: row.id,
        serviceId: row.service_id,
        reason: "returned",
        now,
      });
      const holder = assigned?.assigneeId ?? row.assignee_id;
      if (holder) await queueStaffNotice(tx, holder, row, "staff.supplementProvided", now);
    }

    return {
      applicationId: row.id,
      number: row.number,
      version: expectedVersion + 1,
      currentNode: allowed.to,
      status: allowed.status,
      supplementRequestId,
    };
  });
  // Outside the transaction: the provider is never called while the case is locked.
  if (refundRequested) await payOutAfterCommit(outcome.applicationId, now);
  return outcome;
}

export type RequestSupplementArgs = Omit<PerformTransitionArgs, "transition" | "input"> & {
  items: SupplementItemInput[];
  dueAt: Date;
  publicNote?: string;
  internalNote?: string;
};

/** Staff ask the applicant for missing material (itemized, with a due time). */
export function requestSupplement({
  items,
  dueAt,
  publicNote,
  internalNote,
  ...rest
}: RequestSupplementArgs) {
  return performTransition({
    ...rest,
    transition: "REQUEST_SUPPLEMENT",
    input: { items, dueAt, publicNote, internalNote },
  });
}

/**
 * The request being answered, locked: uploads to it hold FOR SHARE until they commit, so the files
 * counted here are all there are, and none can be added once it is fulfilled.
 */
async function lockOpenSupplementRequest(
  tx: Tx,
  applicationId: string,
): Promise<{ id: string; setAt: Date; dueAt: Date } | null> {
  const rows = await tx.$queryRaw<{ id: string; setAt: Date; dueAt: Date }[]>`
    SELECT id::text, COALESCE(extended_at, created_at) AS "setAt", due_at AS "dueAt" FROM supplement_request
     WHERE application_id = ${applicationId}::uuid AND status = 'OPEN'
     ORDER BY created_at DESC
       FOR UPDATE`;
  return rows[0] ?? null;
}

async function checkRequirements(
  tx: Tx,
  context: {
    allowed: AvailableTransition;
    row: LockedCase;
    input: ParsedTransitionInput;
    now: Date;
    openRequestId: string | null;
  },
) {
  const { allowed, row, input, now, openRequestId } = context;
  const problems: Record<string, string[]> = {};
  for (const requirement of allowed.requires) {
    if (requirement === "reason" && !input.publicNote) problems.publicNote = ["case.errors.reasonRequired"];
    if (requirement === "supplementItems" && !input.items?.length)
      problems.items = ["case.errors.itemsRequired"];
    if (requirement === "supplementDueAt" && !(input.dueAt && input.dueAt.getTime() > now.getTime())) {
      problems.dueAt = ["case.errors.dueAtInFuture"];
    }
    if (requirement === "supplementAnswer" && !input.publicNote) {
      const files = openRequestId
        ? await tx.evidenceFile.count({
            where: { supplementRequestId: openRequestId, applicationId: row.id },
          })
        : 0;
      if (files === 0) problems.note = ["case.errors.answerRequired"];
    }
    if (requirement === "payment" && row.payment_status !== "PAID" && row.payment_status !== "WAIVED") {
      problems.payment = ["case.errors.feeNotPaid"];
    }
    if (requirement === "resultDocument") {
      const documents = await tx.evidenceFile.count({
        where: { applicationId: row.id, kind: "RESULT_DOCUMENT" },
      });
      if (documents === 0) problems.document = ["case.errors.resultDocumentRequired"];
    }
  }
  if (Object.keys(problems).length > 0) throw new TransitionRequirementError(problems);
}

/** The new node's due time: the applicant's deadline for a supplement, else the tier's node target. */
async function dueAtFor(
  tx: Tx,
  row: LockedCase,
  allowed: AvailableTransition,
  input: ParsedTransitionInput,
  now: Date,
) {
  if (allowed.name === "REQUEST_SUPPLEMENT") return input.dueAt!;
  if (isClosedStatus(allowed.status)) return null;
  const target = await tx.nodeTarget.findFirst({
    where: { node: allowed.to, serviceTier: { serviceId: row.service_id, tier: row.tier } },
    select: { targetMinutes: true },
  });
  return target ? new Date(now.getTime() + target.targetMinutes * MINUTE) : null;
}

async function createSupplementRequest(
  tx: Tx,
  request: {
    applicationId: string;
    requestedById: string;
    items: ParsedTransitionInput["items"] & {};
    dueAt: Date;
    fromNode: WorkflowNode;
    now: Date;
  },
) {
  const { applicationId, requestedById, items, dueAt, fromNode, now } = request;
  const created = await tx.supplementRequest.create({
    data: {
      applicationId,
      requestedById,
      dueAt,
      fromNode,
      // The pause of the case clock is measured from here (same clock as the transition).
      createdAt: now,
      items: {
        create: items.map((item, sortOrder) => ({
          problem: item.problem,
          suggestion: item.suggestion ?? null,
          sortOrder,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}
