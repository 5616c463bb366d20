// The queue's pages come straight off its partial indexes: no Seq Scan of application and no
// Sort of every open case, whatever the filter. Plans, not timings: timings vary by machine, a
// plan that reads the index in order and stops after a page does not. (bench/queue-explain.ts
// shows the timings with 100 000 cases.) Selective filters (overdue, a name) may rightly pick a
// bitmap scan and sort their few matches; the benchmark prints those plans too.
import { beforeAll, describe, expect, it } from "vitest";
import { QUEUE_INDEXES, summarizePlan, type Explained } from "@/bench/lib/plan";
import { BENCH_REVIEWER_SQL, queueSeedStatements } from "@/bench/lib/queue-seed";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { OPEN_COUNTS_BY_NODE_SQL, queuePageSql } from "./data";
import { parseQueueFilters, type QueueSearchParams } from "./queue-schema";

withTestDatabase();

const CASES = 5_000;
let reviewer: Viewer;
let serviceId: string;

beforeAll(async () => {
  for (const statement of queueSeedStatements(CASES))
    await db.$executeRawUnsafe(statement.text, ...statement.values);
  await db.$executeRawUnsafe("ANALYZE");
  const [mine] = await db.$queryRawUnsafe<{ id: string }[]>(BENCH_REVIEWER_SQL);
  reviewer = { id: mine!.id, role: "REVIEWER" };
  serviceId = (await db.serviceType.findFirstOrThrow({ where: { code: "bench-1" }, select: { id: true } }))
    .id;
});

async function explain(sql: Prisma.Sql) {
  const rows = await db.$queryRaw<{ "QUERY PLAN": Explained[] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  return rows[0]!["QUERY PLAN"][0]!.Plan;
}

const pagePlan = async (params: QueueSearchParams) =>
  summarizePlan(await explain(queuePageSql(reviewer, parseQueueFilters(params), new Date())));

describe("queue plans", () => {
  it("has the seeded spread: most cases closed, thousands open", async () => {
    const [counts] = await db.$queryRaw<{ total: number; open: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE closed_at IS NULL)::int AS open FROM application`;
    expect(counts!.total).toBe(CASES);
    expect(counts!.open).toBeGreaterThan(CASES * 0.2);
    expect(counts!.open).toBeLessThan(CASES * 0.4);
  });

  it.each([
    ["the first page", {}, QUEUE_INDEXES.all],
    ["a later page", { page: "4" }, QUEUE_INDEXES.all],
    ["one node's first page", { node: "MATERIAL_CHECK" }, QUEUE_INDEXES.node],
    ["one service's first page", { service: "SERVICE" }, QUEUE_INDEXES.service],
  ] as const)(
    "reads %s off its index, in order, without sorting every case",
    async (_name, params, index) => {
      const plan = await pagePlan("service" in params ? { service: serviceId } : params);
      expect(plan).toEqual({ indexes: [index], seqScan: false, sortsAllRows: false });
    },
  );

  it("reads the viewer's own cases ('mine') off the assignee index", async () => {
    expect(await pagePlan({ assignee: "me" })).toEqual({
      indexes: [QUEUE_INDEXES.assignee],
      seqScan: false,
      sortsAllRows: false,
    });
  });

  it("reads the unassigned cases off a queue index in order (which one is the planner's choice)", async () => {
    const plan = await pagePlan({ assignee: "none" });
    expect(plan).toMatchObject({ seqScan: false, sortsAllRows: false });
    expect(plan.indexes).toHaveLength(1);
    expect(Object.values(QUEUE_INDEXES)).toContain(plan.indexes[0]);
  });

  it("counts per node without reading closed cases", async () => {
    await db.$executeRawUnsafe("VACUUM ANALYZE application");
    const plan = summarizePlan(await explain(OPEN_COUNTS_BY_NODE_SQL));
    expect(plan.seqScan).toBe(false);
    expect(plan.indexes).toEqual([QUEUE_INDEXES.node]);
  });
});
