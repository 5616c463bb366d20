import "server-only";
import { db } from "@/lib/db";
import type { FileStore } from "./file-store";
import { evidenceStore } from "./storage";

/** An object younger than this may belong to an upload whose row is not committed yet. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
/** Draft evidence never submitted with an application is removed after this (decisions 003, 019). */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many drafts, and this many orphans, go per call. */
export const SWEEP_BATCH_SIZE = 500;
/** Keys checked against the database per query. */
const LOOKUP_CHUNK = 1000;

export type SweepEvidenceOptions = {
  now: Date;
  /** Default: the configured store. */
  store?: FileStore;
  orphanGraceMs?: number;
  draftMaxAgeMs?: number;
  batchSize?: number;
};

export type SweepEvidenceResult = {
  /** Draft rows removed (their objects too, or left for the next run as orphans). */
  staleDrafts: number;
  /** Objects removed that no row pointed at. */
  orphans: number;
  /** A batch filled up: run again for the rest. */
  more: boolean;
};

/**
 * Removes what no one can reach any more: draft evidence never submitted within draftMaxAgeMs, and
 * stored objects without a row (an upload that crashed between the put and its row, a delete whose
 * object removal failed). Idempotent and bounded; meant to run periodically from the job queue.
 */
export async function sweepEvidence(options: SweepEvidenceOptions): Promise<SweepEvidenceResult> {
  const store = options.store ?? evidenceStore();
  const batchSize = options.batchSize ?? SWEEP_BATCH_SIZE;
  const drafts = await removeStaleDrafts(
    store,
    new Date(options.now.getTime() - (options.draftMaxAgeMs ?? DRAFT_MAX_AGE_MS)),
    batchSize,
  );
  const orphans = await removeOrphans(
    store,
    options.now.getTime() - (options.orphanGraceMs ?? ORPHAN_GRACE_MS),
    batchSize,
  );
  return { staleDrafts: drafts, orphans: orphans.removed, more: drafts === batchSize || orphans.more };
}

async function removeStaleDrafts(store: FileStore, createdBefore: Date, limit: number): Promise<number> {
  // The outer WHERE repeats the draft condition: a submission attaching one of these rows meanwhile
  // wins (the row is re-checked after its lock), and the submission then fails cleanly instead.
  const removed = await db.$queryRaw<{ storage_key: string }[]>`
    WITH doomed AS (
      SELECT id FROM evidence_file
      WHERE application_id IS NULL AND supplement_request_id IS NULL AND created_at < ${createdBefore}
      ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    DELETE FROM evidence_file e USING doomed
    WHERE e.id = doomed.id AND e.application_id IS NULL AND e.supplement_request_id IS NULL
    RETURNING e.storage_key`;
  // Row first, then object: a failed delete leaves an orphan for the next run, never a dangling row.
  for (const { storage_key } of removed) await store.delete(storage_key).catch(() => undefined);
  return removed.length;
}

async function removeOrphans(
  store: FileStore,
  modifiedBefore: number,
  limit: number,
): Promise<{ removed: number; more: boolean }> {
  let removed = 0;
  let more = false;
  let candidates: string[] = [];
  const check = async () => {
    const known = await db.evidenceFile.findMany({
      where: { storageKey: { in: candidates } },
      select: { storageKey: true },
    });
    const live = new Set(known.map((row) => row.storageKey));
    for (const key of candidates) {
      if (live.has(key)) continue;
      if (removed >= limit) {
        more = true;
        break;
      }
      await store.delete(key);
      removed += 1;
    }
    candidates = [];
  };
  for await (const object of store.list()) {
    if (object.lastModified.getTime() >= modifiedBefore) continue;
    candidates.push(object.key);
    if (candidates.length === LOOKUP_CHUNK) await check();
    if (more) break;
  }
  if (candidates.length > 0) await check();
  return { removed, more };
}
