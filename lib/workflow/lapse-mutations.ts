import "server-only";
import { payOutAfterCommit } from "@/lib/payments/refund-execution-mutations";
import { requestClosingRefund } from "@/lib/payments/refund-mutations";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { TimelineAction, WorkflowNode } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { recordMoveEvents } from "@/lib/webhooks/outbox-mutations";
import {
  CaseNotFoundError,
  ConcurrentChangeError,
  TransitionNotAllowedError,
  TransitionRequirementError,
} from "./errors";
import { lapseInputSchema, type LapseInput } from "./lapse-schema";
import { lockCaseFor, queueApplicantNotice, stateOf, type LockedCase, type Tx } from "./shared-mutations";
import { allowedLapseActions, pausedMinutesOf, returnNodeOf, type LapseAction } from "./supplement-deadline";
import { systemNoteColumns, type StoredSystemNote } from "./system-notes";

export type LapseArgs = {
  applicationId: string;
  expectedVersion: number;
  viewer: Viewer;
  action: LapseAction;
  input?: LapseInput;
  /** Tests pin the clock. */
  now?: Date;
};

export type LapseOutcome = {
  applicationId: string;
  number: string;
  version: number;
  currentNode: WorkflowNode;
};

const MINUTE = 60_000;

type OpenRequest = {
  id: string;
  dueAt: Date;
  createdAt: Date;
  extendedAt: Date | null;
  fromNode: WorkflowNode | null;
};

/**
 * Staff's answer to a lapsed supplement (decision 034): a new due time, going on without it, or
 * closing the case as not provided. Locked and version-checked like every workflow move
 * (mutations.ts): of two people acting on the same state one wins, the other gets
 * ConcurrentChangeError. In each, the applicant's wait is banked into paused_minutes up to the
 * old due time only, and the case's due time moves on by the same amount.
 */
export async function handleLapsedSupplement(args: LapseArgs): Promise<LapseOutcome> {
  const { applicationId, expectedVersion, viewer, action } = args;
  const now = args.now ?? new Date();
  if (!z.uuid().safeParse(applicationId).success) throw new CaseNotFoundError();
  const parsed = lapseInputSchema.safeParse(args.input ?? {});
  if (!parsed.success) throw new TransitionRequirementError(fieldErrorsOf(parsed.error));
  const input = parsed.data;

  let refundRequested = false;
  const outcome = await db.$transaction(async (tx) => {
    const { row } = await lockCaseFor(tx, applicationId, viewer, expectedVersion);
    const request = await lockOpenRequest(tx, row.id);
    if (!allowedLapseActions(stateOf(row), viewer, request?.dueAt ?? null, now).includes(action) || !request)
      throw new TransitionNotAllowedError();
    if (action === "EXTEND_SUPPLEMENT" && !(input.dueAt && input.dueAt.getTime() > now.getTime()))
      throw new TransitionRequirementError({ dueAt: ["case.errors.dueAtInFuture"] });

    const paused = pausedMinutesOf({
      setAt: request.extendedAt ?? request.createdAt,
      dueAt: request.dueAt,
      now,
    });
    const step = await applyAction(tx, { row, request, action, input, now });
    const updated = await tx.$executeRaw`
      UPDATE application
         SET current_node = ${step.node}::workflow_node,
             status = ${step.status}::application_status,
             node_due_at = ${step.nodeDueAt},
             node_entered_at = ${now},
             sla_warned_at = NULL,
             sla_escalated_at = NULL,
             supplement_lapsed_at = NULL,
             paused_minutes = paused_minutes + ${paused},
             case_due_at = case_due_at + make_interval(mins => ${paused}::int),
             closed_at = ${step.status === "REJECTED" ? now : null},
             version = version + 1,
             updated_at = ${now}
       WHERE id = ${row.id}::uuid AND version = ${expectedVersion}`;
    if (updated !== 1) throw new ConcurrentChangeError();
    // Webhooks (lib/webhooks): a new due time moves nothing; going on or closing moves the case.
    await recordMoveEvents(tx, {
      row,
      transition: action,
      status: step.status,
      to: step.node,
      expectedVersion,
      now,
    });
    // Closing as not provided is a rejection: the refund the rules give (e.g. a missed promise), as
    // for any decision (mutations.ts), recorded with the closing.
    if (step.status === "REJECTED")
      refundRequested = (
        await requestClosingRefund(tx, { applicationId: row.id, status: "REJECTED", actorId: null, now })
      ).created;

    await tx.timelineEvent.create({
      data: {
        applicationId: row.id,
        node: step.node,
        action: step.timelineAction,
        actorId: viewer.id,
        publicNote: input.publicNote ?? null,
        internalNote: input.internalNote ?? null,
        ...systemNoteColumns(step.note),
        occurredAt: now,
        dueAt: step.nodeDueAt,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: viewer.id,
        action: `workflow.${action}`,
        entityType: "application",
        entityId: row.id,
        details: {
          number: row.number,
          supplementRequestId: request.id,
          previousDueAt: request.dueAt.toISOString(),
          ...(step.status === "AWAITING_APPLICANT" ? { dueAt: step.nodeDueAt!.toISOString() } : {}),
          to: step.node,
          pausedMinutes: paused,
          version: expectedVersion + 1,
        },
        createdAt: now,
      },
    });
    await queueApplicantNotice(tx, row, step.notify, now, {
      node: step.node,
      ...(step.nodeDueAt && step.status === "AWAITING_APPLICANT"
        ? { dueAt: step.nodeDueAt.toISOString() }
        : {}),
    });
    return {
      applicationId: row.id,
      number: row.number,
      version: expectedVersion + 1,
      currentNode: step.node,
    };
  });
  if (refundRequested) await payOutAfterCommit(outcome.applicationId, now);
  return outcome;
}

type Step = {
  node: WorkflowNode;
  status: "AWAITING_APPLICANT" | "IN_PROGRESS" | "REJECTED";
  nodeDueAt: Date | null;
  timelineAction: TimelineAction;
  note: StoredSystemNote;
  notify: string;
};

async function applyAction(
  tx: Tx,
  context: { row: LockedCase; request: OpenRequest; action: LapseAction; input: { dueAt?: Date }; now: Date },
): Promise<Step> {
  const { row, request, action, input, now } = context;
  if (action === "EXTEND_SUPPLEMENT") {
    // A new due time is a new wait: reminders and the lapse watch start over from here.
    await tx.supplementRequest.update({
      where: { id: request.id },
      data: { dueAt: input.dueAt!, extendedAt: now, remindedHours: null, lapsedAt: null },
    });
    return {
      node: "AWAITING_SUPPLEMENT",
      status: "AWAITING_APPLICANT",
      nodeDueAt: input.dueAt!,
      timelineAction: "SUPPLEMENT_EXTENDED",
      note: { key: "supplementExtended", params: {} },
      notify: "case.supplementExtended",
    };
  }
  if (action === "CONTINUE_WITHOUT_SUPPLEMENT") {
    await tx.supplementRequest.update({ where: { id: request.id }, data: { status: "CANCELLED" } });
    const node = returnNodeOf(request.fromNode);
    const target = await tx.nodeTarget.findFirst({
      where: { node, serviceTier: { serviceId: row.service_id, tier: row.tier } },
      select: { targetMinutes: true },
    });
    return {
      node,
      status: "IN_PROGRESS",
      nodeDueAt: target ? new Date(now.getTime() + target.targetMinutes * MINUTE) : null,
      timelineAction: "SUPPLEMENT_WAIVED",
      note: { key: "supplementWaived", params: {} },
      notify: "case.continuedWithoutSupplement",
    };
  }
  await tx.supplementRequest.update({ where: { id: request.id }, data: { status: "NOT_PROVIDED" } });
  return {
    node: "REJECTED",
    status: "REJECTED",
    nodeDueAt: null,
    timelineAction: "REJECTED",
    // The standard reason: shown to the applicant in their language (lib/cases reads this key).
    note: { key: "supplementNotProvided", params: {} },
    notify: "case.closedNotProvided",
  };
}

async function lockOpenRequest(tx: Tx, applicationId: string): Promise<OpenRequest | null> {
  const rows = await tx.$queryRaw<OpenRequest[]>`
    SELECT id::text, due_at AS "dueAt", created_at AS "createdAt", extended_at AS "extendedAt",
           from_node AS "fromNode"
      FROM supplement_request
     WHERE application_id = ${applicationId}::uuid AND status = 'OPEN'
     ORDER BY created_at DESC
     LIMIT 1
       FOR UPDATE`;
  return rows[0] ?? null;
}
