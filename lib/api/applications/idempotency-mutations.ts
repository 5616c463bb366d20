import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiProblem } from "@/lib/api/problem";

// Idempotency-Key (decision 037), one row per client and key in api_idempotency. The row is inserted
// (ON CONFLICT DO NOTHING) before any work, so of concurrent requests with one key exactly one
// proceeds; the others are told 409 idempotency_in_progress and retry. The finished answer is stored
// on the row and replayed for the same body; another body is 422 idempotency_key_reused.
//
// A request that fails releases its key (nothing of it was kept: the filing is one transaction), so a
// corrected retry may use it again. A row left unanswered by a crash is taken over after the lease;
// that is safe because the filing itself is idempotent on a submission key derived from this key.

/** How long an unanswered key is held for the request working on it. */
export const IDEMPOTENCY_LEASE_MS = 5 * 60_000;
/** How long answers are kept for replay (the prune job deletes older rows). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export type IdempotencyClaim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown };

type Stored = { requestHash: string; responseStatus: number | null; responseBody: unknown; createdAt: Date };

export async function claimIdempotencyKey(
  clientId: string,
  key: string,
  requestHash: string,
  now: Date,
): Promise<IdempotencyClaim> {
  // Twice at most: a row seen in conflict may be released before it is read.
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db.$executeRaw`
      INSERT INTO api_idempotency (client_id, key, request_hash, created_at)
      VALUES (${clientId}::uuid, ${key}, ${requestHash}, ${now})
      ON CONFLICT (client_id, key) DO NOTHING`;
    if (inserted === 1) return { kind: "claimed" };
    const stored: Stored | null = await db.apiIdempotency.findUnique({
      where: { clientId_key: { clientId, key } },
      select: { requestHash: true, responseStatus: true, responseBody: true, createdAt: true },
    });
    if (!stored) continue;
    if (stored.requestHash !== requestHash) throw new ApiProblem("idempotency_key_reused");
    if (stored.responseStatus !== null)
      return { kind: "replay", status: stored.responseStatus, body: stored.responseBody };
    if (now.getTime() - stored.createdAt.getTime() < IDEMPOTENCY_LEASE_MS)
      throw new ApiProblem("idempotency_in_progress", { headers: { "Retry-After": "1" } });
    // Abandoned: take it over, unless another request just did.
    const { count } = await db.apiIdempotency.updateMany({
      where: { clientId, key, responseStatus: null, createdAt: stored.createdAt },
      data: { createdAt: now },
    });
    if (count === 1) return { kind: "claimed" };
    throw new ApiProblem("idempotency_in_progress", { headers: { "Retry-After": "1" } });
  }
  throw new ApiProblem("idempotency_in_progress", { headers: { "Retry-After": "1" } });
}

export async function storeIdempotentResponse(
  clientId: string,
  key: string,
  response: { status: number; body: Prisma.InputJsonValue },
): Promise<void> {
  await db.apiIdempotency.updateMany({
    where: { clientId, key, responseStatus: null },
    data: { responseStatus: response.status, responseBody: response.body },
  });
}

/** After a failure: the key is free again (only while unanswered: a stored answer is never dropped). */
export async function releaseIdempotencyKey(clientId: string, key: string): Promise<void> {
  await db.apiIdempotency.deleteMany({ where: { clientId, key, responseStatus: null } });
}

/** The prune job: answers older than the retention are forgotten (the key may then be used again). */
export async function pruneIdempotencyKeys(now: Date): Promise<number> {
  const { count } = await db.apiIdempotency.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } },
  });
  return count;
}
