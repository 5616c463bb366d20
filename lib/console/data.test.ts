import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatApplicationNumber, generateApplicationNumber } from "@/lib/applications/application-number";
import { db } from "@/lib/db";
import { NotAuthorizedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestApplication, createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { countOpenCasesByNode, listQueue, listQueueFilterOptions, openCountsByNode } from "./data";
import { QUEUE_PAGE_SIZE, parseQueueFilters, type QueueSearchParams } from "./queue-schema";

withTestDatabase();

const NOW = new Date("2026-11-21T08:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

async function createService(code = `svc-${randomUUID().slice(0, 8)}`) {
  return db.serviceType.create({
    data: {
      code,
      nameZh: `服务 ${code}`,
      nameEn: `Service ${code}`,
      descriptionZh: "-",
      descriptionEn: "-",
      baseFeeMinor: 100,
    },
    select: { id: true },
  });
}

type CaseData = Omit<Prisma.ApplicationUncheckedCreateInput, "applicantId" | "serviceId"> & {
  serviceId?: string;
};

/** A clean queue per test: every test states the whole set of cases it is about. */
async function arrange() {
  await db.application.deleteMany();
  // The counts are shared for a few seconds; every test here starts from its own cases.
  openCountsByNode.forget();
  const [service, applicant, reviewer] = await Promise.all([
    createService(),
    createTestUser("APPLICANT"),
    createTestUser("REVIEWER"),
  ]);
  const makeCase = (data: Partial<CaseData> = {}) =>
    createTestApplication({
      applicantId: applicant.id,
      serviceId: service.id,
      nodeDueAt: at(5),
      neededBy: at(100),
      ...data,
    });
  const list = (params: QueueSearchParams = {}, viewer = reviewer) =>
    listQueue(viewer, parseQueueFilters(params), NOW);
  const numbers = async (params: QueueSearchParams = {}, viewer = reviewer) =>
    (await list(params, viewer)).items.map((item) => item.number);
  return { service, applicant, reviewer, makeCase, list, numbers };
}

describe("listQueue order", () => {
  it("puts express before urgent before standard, then the nearest due time (none last), then needed-by, then id", async () => {
    const { makeCase, numbers } = await arrange();
    const standardSoonest = await makeCase({ tier: "STANDARD", nodeDueAt: at(-50) });
    const urgent = await makeCase({ tier: "URGENT", nodeDueAt: at(1) });
    const expressNoDue = await makeCase({ tier: "EXPRESS", nodeDueAt: null });
    const expressLater = await makeCase({ tier: "EXPRESS", nodeDueAt: at(3) });
    const expressSooner = await makeCase({ tier: "EXPRESS", nodeDueAt: at(2) });
    const expressSoonerNeededFirst = await makeCase({ tier: "EXPRESS", nodeDueAt: at(2), neededBy: at(10) });
    expect(await numbers()).toEqual(
      [expressSoonerNeededFirst, expressSooner, expressLater, expressNoDue, urgent, standardSoonest].map(
        (row) => row.number,
      ),
    );
  });

  it("breaks complete ties by id, so pages are stable", async () => {
    const { makeCase, numbers } = await arrange();
    const rows = await Promise.all(
      Array.from({ length: 4 }, () => makeCase({ tier: "URGENT", nodeDueAt: at(1), neededBy: at(9) })),
    );
    const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => row.number);
    expect(await numbers()).toEqual(byId);
  });

  it("lists open cases only, including approved ones awaiting their document, and masks names", async () => {
    const { makeCase, list } = await arrange();
    await makeCase({ status: "COMPLETED", currentNode: "DOCUMENT_ISSUED", closedAt: at(-1) });
    await makeCase({ status: "WITHDRAWN", currentNode: "WITHDRAWN", closedAt: at(-1) });
    const approved = await makeCase({
      status: "APPROVED",
      currentNode: "RESULT_NOTIFIED",
      applicantName: "张小三",
    });
    const waiting = await makeCase({
      status: "AWAITING_APPLICANT",
      currentNode: "AWAITING_SUPPLEMENT",
      nodeDueAt: at(9),
    });
    const page = await list();
    expect(page.items.map((item) => [item.number, item.status])).toEqual([
      [approved.number, "APPROVED"],
      [waiting.number, "AWAITING_APPLICANT"],
    ]);
    expect(page.items[0]).toMatchObject({
      applicantName: "张*三",
      serviceNameEn: expect.stringMatching(/^Service /),
      assigneeName: null,
    });
    expect(page.total).toBe(2);
  });
});

describe("listQueue filters", () => {
  it("filters by node, service, tier and assignee (someone, me, nobody)", async () => {
    const { makeCase, numbers, reviewer } = await arrange();
    const other = await createTestUser("SUPERVISOR");
    const otherService = await createService();
    const check = await makeCase({ currentNode: "MATERIAL_CHECK", tier: "EXPRESS", assigneeId: reviewer.id });
    const review = await makeCase({
      currentNode: "SUBSTANTIVE_REVIEW",
      serviceId: otherService.id,
      assigneeId: other.id,
    });
    const fresh = await makeCase({ tier: "STANDARD" });
    expect(await numbers({ node: "MATERIAL_CHECK" })).toEqual([check.number]);
    expect(await numbers({ service: otherService.id })).toEqual([review.number]);
    expect(await numbers({ tier: "STANDARD" })).toEqual([fresh.number]);
    expect(await numbers({ assignee: other.id })).toEqual([review.number]);
    expect(await numbers({ assignee: "me" })).toEqual([check.number]);
    expect(await numbers({ assignee: "me" }, other)).toEqual([review.number]);
    expect(await numbers({ assignee: "none" })).toEqual([fresh.number]);
    expect(await numbers({ node: "MATERIAL_CHECK", assignee: "none" })).toEqual([]);
  });

  it("shows as overdue only late cases whose turn is staff's, not those waiting for the applicant", async () => {
    const { makeCase, numbers } = await arrange();
    const late = await makeCase({ nodeDueAt: at(-3) });
    const lateApproved = await makeCase({
      status: "APPROVED",
      currentNode: "RESULT_NOTIFIED",
      nodeDueAt: at(-1),
      tier: "STANDARD",
    });
    await makeCase({ status: "AWAITING_APPLICANT", currentNode: "AWAITING_SUPPLEMENT", nodeDueAt: at(-10) });
    await makeCase({ nodeDueAt: at(1) });
    await makeCase({ nodeDueAt: null });
    await makeCase({ status: "REJECTED", currentNode: "REJECTED", nodeDueAt: at(-20), closedAt: at(-1) });
    expect(await numbers({ overdue: "1" })).toEqual([late.number, lateApproved.number]);
  });

  it("searches names case-insensitively in open cases, taking % and _ literally", async () => {
    const { makeCase, numbers } = await arrange();
    const smith = await makeCase({ applicantName: "John Smith" });
    const smithy = await makeCase({ applicantName: "Anna SMITHY", tier: "STANDARD" });
    await makeCase({
      applicantName: "Closed Smith",
      status: "COMPLETED",
      currentNode: "DOCUMENT_ISSUED",
      closedAt: at(-1),
    });
    const chinese = await makeCase({ applicantName: "王小明" });
    expect(await numbers({ q: "  smith " })).toEqual([smith.number, smithy.number]);
    expect(await numbers({ q: "小明" })).toEqual([chinese.number]);
    expect(await numbers({ q: "%" })).toEqual([]);
    expect(await numbers({ q: "_" })).toEqual([]);
  });

  it("finds a case by its number however typed, closed or not, whatever the other filters", async () => {
    const { makeCase, list } = await arrange();
    const closed = await makeCase({
      status: "COMPLETED",
      currentNode: "DOCUMENT_ISSUED",
      closedAt: at(-1),
      tier: "STANDARD",
    });
    await makeCase();
    const typed = formatApplicationNumber(closed.number).toLowerCase();
    const page = await list({ q: typed, tier: "EXPRESS", node: "DECISION" });
    expect(page.items.map((item) => [item.number, item.closedAt])).toEqual([[closed.number, at(-1)]]);
    expect(page.total).toBe(1);
    expect((await list({ q: generateApplicationNumber() })).items).toEqual([]);
  });
});

describe("listQueue pages", () => {
  it("pages 25 at a time without overlap and reports the page count", async () => {
    const { makeCase, list } = await arrange();
    const created = [];
    for (let index = 0; index < QUEUE_PAGE_SIZE + 1; index++)
      created.push(await makeCase({ nodeDueAt: at(index) }));
    const first = await list();
    const second = await list({ page: "2" });
    expect(first).toMatchObject({ total: QUEUE_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.items.map((item) => item.number)).toEqual([created.at(-1)!.number]);
    expect([...first.items, ...second.items].map((item) => item.number)).toEqual(
      created.map((row) => row.number),
    );
    expect(await list({ page: "3" })).toMatchObject({ items: [], page: 3, pageCount: 2 });
  });

  it("has one page, empty, when nothing matches", async () => {
    const { list } = await arrange();
    expect(await list()).toMatchObject({ items: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("countOpenCasesByNode", () => {
  it("counts open cases per node and leaves closed cases out", async () => {
    const { makeCase, reviewer } = await arrange();
    await makeCase({ currentNode: "MATERIAL_CHECK" });
    await makeCase({ currentNode: "MATERIAL_CHECK" });
    await makeCase({ currentNode: "RESULT_NOTIFIED", status: "APPROVED" });
    await makeCase({ currentNode: "DOCUMENT_ISSUED", status: "COMPLETED", closedAt: at(-1) });
    const counts = await countOpenCasesByNode(reviewer);
    expect(Object.fromEntries(counts.map((row) => [row.node, row.count]))).toEqual({
      MATERIAL_CHECK: 2,
      RESULT_NOTIFIED: 1,
    });
  });

  it("serves every view from one read for a few seconds, and gives the unfiltered total from it", async () => {
    const { makeCase, reviewer, list } = await arrange();
    await makeCase({ currentNode: "MATERIAL_CHECK" });
    expect(await countOpenCasesByNode(reviewer)).toEqual([{ node: "MATERIAL_CHECK", count: 1 }]);
    await makeCase({ currentNode: "MATERIAL_CHECK" });
    expect(await countOpenCasesByNode(reviewer)).toEqual([{ node: "MATERIAL_CHECK", count: 1 }]);
    // The rows are always fresh; the total of an unfiltered view follows the shared counts…
    expect(await list()).toMatchObject({ total: 1 });
    expect((await list()).items).toHaveLength(2);
    // …and a filtered view counts its own.
    expect(await list({ node: "MATERIAL_CHECK" })).toMatchObject({ total: 2 });
    openCountsByNode.forget();
    expect(await countOpenCasesByNode(reviewer)).toEqual([{ node: "MATERIAL_CHECK", count: 2 }]);
  });
});

describe("listQueueFilterOptions", () => {
  it("offers every service and the active reviewers and supervisors", async () => {
    const { service, reviewer } = await arrange();
    const supervisor = await createTestUser("SUPERVISOR");
    const inactive = await createTestUser("REVIEWER", { active: false });
    const admin = await createTestUser("ADMIN");
    const options = await listQueueFilterOptions(reviewer);
    expect(options.services.map((row) => row.id)).toContain(service.id);
    const staff = options.staff.map((row) => row.id);
    expect(staff).toEqual(expect.arrayContaining([reviewer.id, supervisor.id]));
    expect(staff).not.toContain(inactive.id);
    expect(staff).not.toContain(admin.id);
  });
});

describe("authorization", () => {
  it("refuses applicants and missing viewers in every queue read", async () => {
    const { applicant } = await arrange();
    const filters = parseQueueFilters({});
    for (const viewer of [applicant, null]) {
      // @ts-expect-error: a missing viewer is exactly what the check is for
      await expect(listQueue(viewer, filters)).rejects.toBeInstanceOf(NotAuthorizedError);
      // @ts-expect-error: as above
      await expect(countOpenCasesByNode(viewer)).rejects.toBeInstanceOf(NotAuthorizedError);
      // @ts-expect-error: as above
      await expect(listQueueFilterOptions(viewer)).rejects.toBeInstanceOf(NotAuthorizedError);
    }
  });

  it("lets administrators read the queue", async () => {
    const { makeCase } = await arrange();
    const admin = await createTestUser("ADMIN");
    const row = await makeCase();
    expect((await listQueue(admin, parseQueueFilters({}), NOW)).items.map((item) => item.number)).toEqual([
      row.number,
    ]);
  });
});
