import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One staff or system action, written in the same transaction as the change it records. */
export type AuditEntry = {
  actorId: string | null;
  /** Dotted name, domain first: "workflow.ADVANCE", "staff.deactivated", "catalog.tierUpdated". */
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
  /** The API key the action came through; set for the whole call by lib/api/handler.ts. */
  apiKeyId?: string | null;
  createdAt?: Date;
};

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, ip: entry.ip ?? null } });
}
