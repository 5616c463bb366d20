import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import { countOpenCasesByNode } from "@/lib/console/data";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { seedDemoData } from "@/prisma/seed";
import { PAGE_SIZE, listOwnApplications } from "./data";

withTestDatabase();

async function demoUsers() {
  await seedDemoData(db, { idHashKey: "k".repeat(32) });
  const byEmail = async (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  return {
    applicant: await byEmail("applicant@expedite.test"),
    reviewer: await byEmail("reviewer1@expedite.test"),
  };
}

describe("listOwnApplications", () => {
  it("returns only the applicant's own cases, newest first", async () => {
    const { applicant } = await demoUsers();
    const other = await db.user.create({
      data: { email: "other@test.example", displayName: "Other", passwordHash: "x" },
    });
    const own = await listOwnApplications(applicant);
    expect(own.total).toBe(6);
    expect(own.items.map((item) => item.number)).toHaveLength(6);
    const dates = own.items.map((item) => item.submittedAt.getTime());
    expect(await listOwnApplications({ id: other.id, role: "APPLICANT" })).toMatchObject({
      total: 0,
      items: [],
    });
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
      SUBMITTED: 2,
      MATERIAL_CHECK: 1,
    });
    await expect(countOpenCasesByNode(applicant)).rejects.toBeInstanceOf(NotAuthorizedError);
  });
});

describe("listOwnApplications pages", () => {
  it("pages newest first without overlap, with a cheap progress per case", async () => {
    const { applicant } = await demoUsers();
    const owner = await db.user.create({
      data: { email: "pages@test.example", displayName: "Pages", passwordHash: "x" },
      select: { id: true, role: true },
    });
    const template = await db.application.findFirstOrThrow({
      where: { applicantId: applicant.id },
      select: { serviceId: true, idNumberHash: true },
    });
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db.application.createMany({
      data: Array.from({ length: PAGE_SIZE + 3 }, (_, index) => ({
        number: `PAGE${String(index).padStart(4, "0")}`,
        applicantId: owner.id,
        serviceId: template.serviceId,
        tier: "STANDARD" as const,
        reason: "r",
        neededBy: new Date(base),
        applicantName: "P",
        idType: "PASSPORT" as const,
        idNumberHash: template.idNumberHash,
        idNumberMasked: "m",
        phone: "1",
        email: "pages@test.example",
        feeBaseMinor: 1,
        feeSurchargeMinor: 0,
        currentNode: index === 0 ? ("SUBSTANTIVE_REVIEW" as const) : ("SUBMITTED" as const),
        createdAt: new Date(base + index * 60_000),
      })),
    });
    const first = await listOwnApplications(owner, 1);
    const second = await listOwnApplications(owner, 2);
    expect([first.page, first.pageCount, first.total, first.items.length]).toEqual([
      1,
      2,
      PAGE_SIZE + 3,
      PAGE_SIZE,
    ]);
    expect([second.page, second.items.length]).toEqual([2, 3]);
    const numbers = [...first.items, ...second.items].map((item) => item.number);
    expect(numbers).toEqual(
      Array.from(
        { length: PAGE_SIZE + 3 },
        (_, index) => `PAGE${String(PAGE_SIZE + 2 - index).padStart(4, "0")}`,
      ),
    );
    expect(second.items.at(-1)?.progress).toMatchObject({ currentNode: "SUBSTANTIVE_REVIEW", ended: false });
    expect(second.items.at(-1)?.progress.percent).toBeGreaterThan(0);
    expect((await listOwnApplications(owner, 0)).page).toBe(1);
    expect((await listOwnApplications(owner, Number.NaN)).page).toBe(1);
    expect((await listOwnApplications(owner, 3)).items).toEqual([]);
  });
});
