// Does the review queue stay fast with many cases? Creates a scratch database on the server of
// DATABASE_URL (the database itself is never touched), migrates it, bulk-inserts N cases, runs
// EXPLAIN (ANALYZE, BUFFERS) on exactly the SQL the app sends, prints times and plans, and drops
// the scratch database. Exits 1 when a page the indexes are for is not read off its index.
//
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/queue-explain.ts [--cases 100000] [--verbose] [--keep]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type pg from "pg";
import { OPEN_COUNTS_BY_NODE_SQL, queueCountSql, queuePageSql } from "../lib/console/data";
import { parseQueueFilters, type QueueSearchParams } from "../lib/console/queue-schema";
import { migrate } from "../lib/db/migrator";
import { QUEUE_INDEXES, summarizePlan, type Explained } from "./lib/plan";
import { BENCH_REVIEWER_SQL, queueSeedStatements } from "./lib/queue-seed";
import { withClient } from "./lib/postgres";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    verbose: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const cases = Number(args.cases);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !Number.isSafeInteger(cases) || cases < 1) {
  console.error(
    "Usage: DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/queue-explain.ts [--cases 100000] [--verbose] [--keep]",
  );
  process.exit(2);
}

type Sql = { text: string; values: unknown[] };
/** What a query must show; absent for queries measured for information only. */
type Expectation = { index: string } | { anyIndex: true };
type Case = { name: string; sql: Sql; expect?: Expectation };

const RUNS = 3;

async function measure(client: pg.Client, { name, sql, expect }: Case) {
  let best: Explained | undefined;
  // The fastest of a few runs: the first one also pays for reading pages into the cache.
  for (let run = 0; run < RUNS; run++) {
    const { rows } = await client.query<{ "QUERY PLAN": Explained[] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`,
      sql.values,
    );
    const explained = rows[0]!["QUERY PLAN"][0]!;
    if (!best || explained["Execution Time"]! < best["Execution Time"]!) best = explained;
  }
  const plan = summarizePlan(best!.Plan);
  const indexOk =
    !expect || ("index" in expect ? plan.indexes.includes(expect.index) : plan.indexes.length > 0);
  const ok = !expect || (indexOk && !plan.seqScan && !plan.sortsAllRows);
  console.log(
    [
      name.padEnd(28),
      `${best!["Execution Time"]!.toFixed(2).padStart(8)} ms`,
      `plan ${best!["Planning Time"]!.toFixed(2).padStart(6)} ms`,
      (plan.indexes.join(", ") || "no index").padEnd(60),
      plan.seqScan ? "SEQ SCAN" : "        ",
      plan.sortsAllRows ? "SORTS ALL" : "         ",
      expect ? (ok ? "ok" : "FAIL") : "(info)",
    ].join("  "),
  );
  if (args.verbose) {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
      sql.values,
    );
    console.log(`${rows.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}\n`);
  }
  return ok;
}

async function main() {
  const name = `expedite_bench_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl!, (admin) => admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`));
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  try {
    await migrate(url.toString());
    return await withClient(url.toString(), async (client) => {
      let started = Date.now();
      for (const statement of queueSeedStatements(cases))
        await client.query(statement.text, statement.values);
      console.log(`Inserted ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      started = Date.now();
      // VACUUM as autovacuum would soon: it sets the visibility map that index-only counts rely on.
      await client.query("VACUUM ANALYZE");
      const { rows: open } = await client.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM application WHERE closed_at IS NULL",
      );
      console.log(
        `VACUUM ANALYZE in ${((Date.now() - started) / 1000).toFixed(1)} s; ${open[0]!.open} open cases\n`,
      );

      const { rows: reviewers } = await client.query<{ id: string }>(BENCH_REVIEWER_SQL);
      const viewer = { id: reviewers[0]!.id, role: "REVIEWER" as const };
      const { rows: services } = await client.query<{ id: string }>(
        "SELECT id FROM service_type WHERE code = 'bench-1'",
      );
      const now = new Date();
      const page = (params: QueueSearchParams) => queuePageSql(viewer, parseQueueFilters(params), now);
      const runs: Case[] = [
        { name: "first page", sql: page({}), expect: { index: QUEUE_INDEXES.all } },
        {
          name: "first page of one node",
          sql: page({ node: "MATERIAL_CHECK" }),
          expect: { index: QUEUE_INDEXES.node },
        },
        {
          name: "first page of mine",
          sql: page({ assignee: "me" }),
          expect: { index: QUEUE_INDEXES.assignee },
        },
        {
          name: "first page of one service",
          sql: page({ service: services[0]!.id }),
          expect: { index: QUEUE_INDEXES.service },
        },
        { name: "unassigned", sql: page({ assignee: "none" }), expect: { anyIndex: true } },
        { name: "page 40", sql: page({ page: "40" }), expect: { index: QUEUE_INDEXES.all } },
        { name: "overdue", sql: page({ overdue: "1" }) },
        { name: "name search", sql: page({ q: "Applicant 4242" }) },
        { name: "total (page count)", sql: queueCountSql(viewer, parseQueueFilters({}), now) },
        { name: "counts per node", sql: OPEN_COUNTS_BY_NODE_SQL, expect: { index: QUEUE_INDEXES.node } },
      ];
      let failures = 0;
      for (const run of runs) if (!(await measure(client, run))) failures++;
      console.log(
        failures
          ? `\n${failures} queries did not use their index.`
          : "\nEvery indexed query read its index, in order, without a full sort.",
      );
      return failures;
    });
  } finally {
    if (args.keep) console.log(`Kept database ${name}.`);
    else
      await withClient(serverUrl!, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`),
      );
  }
}

main().then(
  (failures) => process.exit(failures ? 1 : 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
