import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { countOpenCasesByNode } from "@/lib/console/data";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { listOwnApplications } from "./data";

withTestDatabase();

async function demoUsers() {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
  const byEmail = async (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  return {
    applicant: await byEmail("applicant@expedite.test"),
    reviewer: await byEmail("reviewer1@expedite.test"),
  };
}

describe("listOwnApplications", () => {
  it("returns only the applicant's own cases, newest first", async () => {
    const { applicant } = await demoUsers();
    const other = await db.user.create({ data: { email: "other@test.example", displayName: "Other", passwordHash: "x" } });
    const own = await listOwnApplications(applicant);
    expect(own.total).toBe(4);
    expect(own.items.map((item) => item.number)).toHaveLength(4);
    const dates = own.items.map((item) => item.submittedAt.getTime());
    expect(await listOwnApplications({ id: other.id, role: "APPLICANT" })).toMatchObject({ total: 0, items: [] });
    expect(dates.length).toBeGreaterThan(0);
  });

  it("refuses staff and anonymous viewers in the data layer", async () => {
    const { reviewer } = await demoUsers();
    await expect(listOwnApplications(reviewer)).rejects.toBeInstanceOf(NotAuthorizedError);
    // @ts-expect-error: a missing viewer is exactly what the check is for
    await expect(listOwnApplications(null)).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe("countOpenCasesByNode", () => {
  it("counts open cases per node for staff and refuses applicants", async () => {
    const { applicant, reviewer } = await demoUsers();
    const counts = await countOpenCasesByNode(reviewer);
    expect(Object.fromEntries(counts.map((row) => [row.node, row.count]))).toEqual({
      SUBSTANTIVE_REVIEW: 1,
      AWAITING_SUPPLEMENT: 1,
      SUBMITTED: 1,
    });
    await expect(countOpenCasesByNode(applicant)).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});
