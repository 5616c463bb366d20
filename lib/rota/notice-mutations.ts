import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type CaseRef = { id: string; number: string };

/**
 * In-app notices about one case for several staff members, each in their own language (same shape
 * as lib/workflow's queueStaffNotice: the payload carries only the public number).
 */
export async function queueCaseNotices(
  tx: Tx,
  args: {
    recipientIds: string[];
    caseRef: CaseRef;
    template: string;
    now: Date;
    /** What the template shows besides the number (lib/notifications/templates.ts payloadSchema). */
    extra?: Record<string, string | number>;
  },
) {
  const ids = [...new Set(args.recipientIds)];
  if (ids.length === 0) return 0;
  const recipients = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, locale: true },
  });
  await tx.notification.createMany({
    data: recipients.map((recipient) => ({
      recipientId: recipient.id,
      applicationId: args.caseRef.id,
      channel: "IN_APP" as const,
      template: args.template,
      locale: recipient.locale,
      payload: { number: args.caseRef.number, ...args.extra },
      nextAttemptAt: args.now,
      createdAt: args.now,
    })),
  });
  return recipients.length;
}

/** Every active supervisor: the fallback when nobody on duty can take a case. */
export async function activeSupervisorIds(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { role: "SUPERVISOR", active: true },
    select: { id: true },
    take: 200,
  });
  return rows.map((row) => row.id);
}
