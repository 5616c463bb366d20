import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ApplicationStatus,
  PaymentStatus,
  UrgencyTier,
  WorkflowNode,
} from "@/lib/generated/prisma/enums";
import { sendsSms } from "@/lib/notifications/templates";
import { actorFor, type Actor, type WorkflowViewer } from "./actors";
import { CaseNotFoundError, ConcurrentChangeError } from "./errors";
import type { OperationState } from "./operations";

export type Tx = Prisma.TransactionClient;

/** A case row locked for the rest of the transaction, with what the workflow rules need. */
export type LockedCase = {
  id: string;
  number: string;
  applicant_id: string;
  assignee_id: string | null;
  service_id: string;
  tier: UrgencyTier;
  current_node: WorkflowNode;
  status: ApplicationStatus;
  payment_status: PaymentStatus;
  version: number;
  email: string;
  phone: string;
  locale: string;
  fee_base_minor: number;
  fee_surcharge_minor: number;
  currency: string;
  requires_expert_review: boolean;
};

/** FOR UPDATE: whoever acts on the case next waits until this transaction ends, then sees its result. */
export async function lockCase(tx: Tx, applicationId: string): Promise<LockedCase | null> {
  const rows = await tx.$queryRaw<LockedCase[]>`
    SELECT a.id::text, a.number, a.applicant_id::text, a.assignee_id::text, a.service_id::text, a.tier,
           a.current_node, a.status, a.payment_status, a.version, a.email, a.phone, a.locale,
           a.fee_base_minor, a.fee_surcharge_minor, a.currency, s.requires_expert_review
      FROM application a JOIN service_type s ON s.id = a.service_id
     WHERE a.id = ${applicationId}::uuid
       FOR UPDATE OF a`;
  return rows[0] ?? null;
}

/**
 * The case locked for a workflow move by `viewer`: another applicant's case answers exactly like a
 * missing one, and a version other than the one the caller saw means someone acted first.
 */
export async function lockCaseFor(
  tx: Tx,
  applicationId: string,
  viewer: WorkflowViewer,
  expectedVersion: number,
): Promise<{ row: LockedCase; actor: Actor }> {
  const row = await lockCase(tx, applicationId);
  const actor = row ? actorFor({ applicantId: row.applicant_id, assigneeId: row.assignee_id }, viewer) : null;
  if (!row || !actor) throw new CaseNotFoundError();
  if (row.version !== expectedVersion) throw new ConcurrentChangeError();
  return { row, actor };
}

export function stateOf(row: LockedCase): OperationState {
  return {
    currentNode: row.current_node,
    status: row.status,
    applicantId: row.applicant_id,
    assigneeId: row.assignee_id,
    requiresExpertReview: row.requires_expert_review,
    serviceId: row.service_id,
    paymentStatus: row.payment_status,
    tier: row.tier,
  };
}

/**
 * Outbox rows for the applicant, delivered later by the worker: in-app, email, and a text message
 * for templates marked `sms` (lib/notifications/templates.ts). The payload is what any channel may
 * carry: the public number and the node, never ID numbers or internal notes.
 */
export async function queueApplicantNotice(
  tx: Tx,
  row: LockedCase,
  template: string,
  now: Date,
  extra: Record<string, string | number> = {},
) {
  const common = {
    recipientId: row.applicant_id,
    applicationId: row.id,
    template,
    locale: row.locale,
    payload: { number: row.number, ...extra },
    nextAttemptAt: now,
    createdAt: now,
  };
  await tx.notification.createMany({
    data: [
      { ...common, channel: "IN_APP" },
      { ...common, channel: "EMAIL", toAddress: row.email },
      ...(sendsSms(template) ? [{ ...common, channel: "SMS" as const, toAddress: row.phone }] : []),
    ],
  });
}

/** An in-app notice for a staff member (assignment, the applicant answered …). */
export async function queueStaffNotice(
  tx: Tx,
  recipientId: string,
  row: LockedCase,
  template: string,
  now: Date,
) {
  const recipient = await tx.user.findUnique({ where: { id: recipientId }, select: { locale: true } });
  if (!recipient) return;
  await tx.notification.create({
    data: {
      recipientId,
      applicationId: row.id,
      channel: "IN_APP",
      template,
      locale: recipient.locale,
      payload: { number: row.number },
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
