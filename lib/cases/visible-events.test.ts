import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { TimelineAction } from "@/lib/generated/prisma/enums";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { APPLICANT_VISIBLE_EVENTS, APPLICANT_VISIBLE_EVENTS_SQL } from "./visible-events";

withTestDatabase();

it("selects the same events in SQL (public lookup) as in Prisma (case page), for every action with and without a public note", async () => {
  const code = `svc-${randomUUID().slice(0, 8)}`;
  const service = await db.serviceType.create({
    data: { code, nameZh: code, nameEn: code, descriptionZh: "-", descriptionEn: "-", baseFeeMinor: 100 },
    select: { id: true },
  });
  const applicant = await createTestUser("APPLICANT");
  const { id: applicationId } = await createTestApplication({
    applicantId: applicant.id,
    serviceId: service.id,
  });
  await db.timelineEvent.createMany({
    data: Object.values(TimelineAction).flatMap((action) =>
      [null, "A note for the applicant"].map((publicNote) => ({
        applicationId,
        node: "SUBMITTED" as const,
        action,
        publicNote,
        internalNote: "staff only",
      })),
    ),
  });

  const viaPrisma = await db.timelineEvent.findMany({
    where: { applicationId, ...APPLICANT_VISIBLE_EVENTS },
    select: { id: true },
  });
  const viaSql = await db.$queryRaw<{ id: bigint }[]>(
    Prisma.sql`SELECT e.id FROM timeline_event e WHERE e.application_id = ${applicationId}::uuid AND ${APPLICANT_VISIBLE_EVENTS_SQL}`,
  );
  const ids = (rows: { id: bigint }[]) => rows.map((row) => row.id.toString()).sort();
  expect(ids(viaSql)).toEqual(ids(viaPrisma));
  // Not vacuous: some events are hidden (internal notes, unissued documents) and most are shown.
  expect(viaPrisma.length).toBeGreaterThan(0);
  expect(viaPrisma.length).toBeLessThan(Object.values(TimelineAction).length * 2);
});
