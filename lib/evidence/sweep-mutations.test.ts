import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { silenceAwsSdkNodeWarning } from "@/lib/env";
import { createTestApplication, createTestService, createTestUser } from "@/lib/testing/fixtures";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { newStorageKey, type FileStore } from "./file-store";
import { saveEvidence } from "./mutations";
import { s3FileStore } from "./s3-store";
import { DRAFT_MAX_AGE_MS, ORPHAN_GRACE_MS, sweepEvidence } from "./sweep-mutations";

// Against the S3 store (s3rver on loopback); the sweeper only uses the FileStore contract, which
// file-store.test.ts checks for both stores.
let server: S3Server;
let store: FileStore;
beforeAll(async () => {
  silenceAwsSdkNodeWarning();
  server = await startS3Server();
  store = s3FileStore(server.settings, { listPageSize: 3 });
});
afterAll(() => server?.stop());

withTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const pdf = () => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n%%EOF\n`));

async function upload(viewer: Viewer, options: { ageMs: number; supplementRequestId?: string }) {
  const saved = await saveEvidence(
    viewer,
    {
      kind: options.supplementRequestId ? "SUPPLEMENT" : "OTHER",
      originalName: "file.pdf",
      bytes: pdf(),
      supplementRequestId: options.supplementRequestId,
    },
    { store },
  );
  const row = await db.evidenceFile.update({
    where: { id: saved.id },
    data: { createdAt: new Date(Date.now() - options.ageMs) },
    select: { id: true, storageKey: true },
  });
  return row;
}

async function exists(key: string): Promise<boolean> {
  const body = await store.get(key);
  await body?.cancel();
  return body !== null;
}

async function orphan(): Promise<string> {
  const key = newStorageKey();
  await store.put(key, new Uint8Array([1, 2, 3]));
  return key;
}

describe("sweepEvidence", () => {
  it("removes stale drafts and old orphans, and nothing that is live or young", async () => {
    const applicant = await createTestUser();
    const staleDraft = await upload(applicant, { ageMs: DRAFT_MAX_AGE_MS + DAY });
    const youngDraft = await upload(applicant, { ageMs: DRAFT_MAX_AGE_MS - DAY });
    const application = await createTestApplication({
      applicantId: applicant.id,
      serviceId: await createTestService(),
    });
    const submitted = await upload(applicant, { ageMs: 400 * DAY });
    await db.evidenceFile.update({ where: { id: submitted.id }, data: { applicationId: application.id } });
    const reviewer = await createTestUser("REVIEWER");
    const request = await db.supplementRequest.create({
      data: { applicationId: application.id, requestedById: reviewer.id, dueAt: new Date(Date.now() + DAY) },
    });
    const supplement = await upload(applicant, { ageMs: 400 * DAY, supplementRequestId: request.id });
    const orphans = [await orphan(), await orphan()];
    const live = [youngDraft, submitted, supplement];

    // Now: the orphans were just written, within the grace period.
    const first = await sweepEvidence({ now: new Date(), store });
    expect(first).toEqual({ staleDrafts: 1, orphans: 0, more: false });
    expect(await db.evidenceFile.findUnique({ where: { id: staleDraft.id } })).toBeNull();
    expect(await exists(staleDraft.storageKey)).toBe(false);
    for (const key of orphans) expect(await exists(key)).toBe(true);

    // Later: the grace period has passed for the orphans (the young draft is still young).
    const later = new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);
    expect(await sweepEvidence({ now: later, store })).toEqual({ staleDrafts: 0, orphans: 2, more: false });
    for (const key of orphans) expect(await exists(key)).toBe(false);
    for (const row of live) {
      expect(await db.evidenceFile.findUnique({ where: { id: row.id } })).not.toBeNull();
      expect(await exists(row.storageKey)).toBe(true);
    }

    // Idempotent.
    expect(await sweepEvidence({ now: later, store })).toEqual({ staleDrafts: 0, orphans: 0, more: false });
  });

  it("removes at most one batch of each per call and says when there is more", async () => {
    const applicant = await createTestUser();
    const drafts = [];
    for (let i = 0; i < 3; i += 1) drafts.push(await upload(applicant, { ageMs: DRAFT_MAX_AGE_MS + DAY }));
    const orphans = [await orphan(), await orphan(), await orphan()];
    const later = new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);

    expect(await sweepEvidence({ now: later, store, batchSize: 2 })).toEqual({
      staleDrafts: 2,
      orphans: 2,
      more: true,
    });
    expect(await sweepEvidence({ now: later, store, batchSize: 2 })).toEqual({
      staleDrafts: 1,
      orphans: 1,
      more: false,
    });
    for (const key of [...orphans, ...drafts.map((draft) => draft.storageKey)])
      expect(await exists(key)).toBe(false);
  });
});
