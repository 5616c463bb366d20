import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AssignOnDutyArgs = {
  applicationId: string;
  serviceId: string;
  /** "new": just submitted; "returned": back from the applicant with the supplement. */
  reason: "new" | "returned";
  now: Date;
};

/**
 * Called inside the transaction that creates a case or brings it back from the applicant. Issue 6:
 * assign to an on-duty reviewer who handles the service, least-loaded first; nobody on duty → the
 * supervisors' queue, flagged (unstaffed_at). Until the rota exists this keeps the current
 * assignment (placeholder, replaced by lib/rota).
 */
export async function assignOnDuty(_tx: Tx, _args: AssignOnDutyArgs): Promise<{ assigneeId: string | null } | null> {
  return null;
}
