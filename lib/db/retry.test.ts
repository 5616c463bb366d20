import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/mutations";
import { buildApplicationSchema } from "@/lib/applications/schema";
import { db } from "@/lib/db";
import { makeCnResidentId } from "@/lib/identity/id-number";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";

// A deliberately small pool (read by lib/env.ts on the client's first use, after this line).
process.env.DATABASE_POOL_MAX = "5";
afterAll(() => {
  delete process.env.DATABASE_POOL_MAX;
});

withTestDatabase();

/** Two transactions that each hold one lock and wait until the other holds its own. */
function meetingPoint() {
  let arrived = 0;
  let open!: () => void;
  const bothThere = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    arrived += 1;
    if (arrived === 2) open();
    // Only the first run of each meets the other; a retry goes straight on.
    await bothThere;
  };
}

describe("retrying what Postgres asks to retry", () => {
  it("re-runs the transaction that lost a deadlock, and both commit", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const meet = meetingPoint();
    let runs = 0;
    const crossUpdate = (first: string, second: string, phone: string) =>
      db.$transaction(async (tx) => {
        runs += 1;
        await tx.user.update({ where: { id: first }, data: { phone } });
        await meet();
        await tx.user.update({ where: { id: second }, data: { phone } });
      });
    await Promise.all([crossUpdate(a.id, b.id, "1"), crossUpdate(b.id, a.id, "2")]);
    expect(runs).toBe(3);
    const phones = await db.user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { phone: true } });
    // The retried one committed last, over both rows.
    expect(new Set(phones.map((row) => row.phone)).size).toBe(1);
  });

  it("re-runs a serializable transaction that failed with a serialization failure (raw SQL)", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const meet = meetingPoint();
    let runs = 0;
    // Write skew: each reads both rows, then changes a different one. Serializable lets only one through.
    const skew = (mine: string) =>
      db.$transaction(
        async (tx) => {
          runs += 1;
          await tx.$queryRaw`SELECT count(*) FROM "user" WHERE id IN (${a.id}::uuid, ${b.id}::uuid) AND phone IS NULL`;
          await meet();
          await tx.$executeRaw`UPDATE "user" SET phone = 'taken' WHERE id = ${mine}::uuid`;
        },
        { isolationLevel: "Serializable" },
      );
    await Promise.all([skew(a.id), skew(b.id)]);
    expect(runs).toBe(3);
    expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, phone: "taken" } })).toBe(2);
  });
});

describe("a burst of submissions on a small pool", () => {
  beforeAll(async () => {
    await seedDemoData(db, { idHashKey: "k".repeat(32) });
  }, 60_000);

  it("files 200 applications sent at the same moment, none failing", async () => {
    const idNumber = makeCnResidentId("44030519851122771");
    const neededBy = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const applicants = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const user = await createTestUser("APPLICANT");
        const draft = await db.evidenceFile.create({
          data: {
            uploaderId: user.id,
            kind: "URGENCY_PROOF",
            originalName: "incident.pdf",
            mimeType: "application/pdf",
            sizeBytes: 1000,
            sha256: randomUUID().replaceAll("-", ""),
            storageKey: randomUUID(),
          },
          select: { id: true },
        });
        return { viewer: { id: user.id, role: user.role }, evidenceId: draft.id };
      }),
    );
    const inputFor = (evidenceId: string) =>
      buildApplicationSchema().parse({
        serviceCode: "software-bug-fix",
        tier: "EXPRESS",
        neededBy,
        utcOffsetMinutes: "0",
        reason:
          "Production checkout is down for every customer since this morning; the incident log is attached.",
        triageConsequence: "FINANCIAL_OR_LEGAL",
        triageFixedDate: "NONE",
        triageFixedDateOn: "",
        triageHealthSafety: "NO",
        triageAffected: "MANY",
        triageNextDay: "",
        applicantName: "Wang Xiaoming",
        idType: "CN_RESIDENT_ID",
        idNumber,
        phone: "+86 138 0013 8000",
        email: "contact@test.example",
        submissionKey: randomUUID(),
        evidenceIds: [evidenceId],
      });

    const results = await Promise.allSettled(
      applicants.map(({ viewer, evidenceId }) => createApplication(viewer, inputFor(evidenceId))),
    );
    const failures = results.flatMap((result) =>
      result.status === "rejected" ? [String((result.reason as Error).message).slice(0, 200)] : [],
    );
    expect(failures).toEqual([]);
    expect(
      await db.application.count({
        where: { applicantId: { in: applicants.map((entry) => entry.viewer.id) } },
      }),
    ).toBe(200);
  }, 120_000);
});
