import "server-only";
import type { WorkflowNode } from "@/lib/generated/prisma/enums";
import { findOnDutyStaff } from "@/lib/rota/on-duty-data";
import type { Tx } from "@/lib/workflow/shared-mutations";

export type Recipient = { id: string; locale: string };

/**
 * The supervisor(s) on duty now; when the rota has nobody, every active supervisor, so an alert
 * is never left unread because a shift was not filled in.
 */
export async function supervisorsToAlert(tx: Tx, now: Date): Promise<Recipient[]> {
  const onDuty = await findOnDutyStaff(tx, { now, role: "SUPERVISOR" });
  const where =
    onDuty.length > 0
      ? { id: { in: onDuty.map((user) => user.id) } }
      : { role: "SUPERVISOR" as const, active: true };
  return tx.user.findMany({ where, orderBy: { id: "asc" }, select: { id: true, locale: true } });
}

/**
 * In-app notices for staff, each in the recipient's language; the payload names the case and its
 * node, and `extra` what else the message says (the node's due time).
 */
export async function queueStaffNotices(
  tx: Tx,
  recipients: readonly Recipient[],
  row: { id: string; number: string; current_node: WorkflowNode },
  template: string,
  now: Date,
  extra: Record<string, string> = {},
) {
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((recipient) => ({
      recipientId: recipient.id,
      applicationId: row.id,
      channel: "IN_APP" as const,
      template,
      locale: recipient.locale,
      payload: { number: row.number, node: row.current_node, ...extra },
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
}
