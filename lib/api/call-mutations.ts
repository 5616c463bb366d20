import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import type { ApiCaller } from "./caller";

/** One audit row per call with the key's id: who called what, and how it ended. */
export async function auditApiCall(
  caller: ApiCaller,
  name: string,
  request: Request,
  status: number,
  ip: string | null,
  now: Date,
): Promise<void> {
  await recordAudit(db, {
    actorId: caller.viewer.id,
    action: "api.request",
    entityType: "apiKey",
    entityId: caller.keyId,
    details: { operation: name, method: request.method, path: new URL(request.url).pathname, status },
    apiKeyId: caller.keyId,
    ip,
    createdAt: now,
  });
}
