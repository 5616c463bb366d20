// How fast are the operations dashboard's queries with many cases? Creates a scratch database on
// the server of DATABASE_URL (the database itself is never touched), migrates it, bulk-inserts N
// cases with their timelines, follow-ups and ratings, ANALYZEs, then runs exactly the SQL the app
// sends (lib/dashboard/dashboard-sql.ts) for a few filters: median of several timed runs, plus
// EXPLAIN (ANALYZE, BUFFERS) for the plan. Prints a table and drops the scratch database.
//
//   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/dashboard-bench.ts [--cases 100000] [--runs 5] [--verbose] [--keep]
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  exportPageSql,
  firstResponseSql,
  followUpSql,
  hourlyVolumeSql,
  nodeStatsSql,
  onTimeByServiceSql,
  openCountsSql,
  ratingsSql,
} from "../lib/dashboard/dashboard-sql";
import { addDays, scopeOf, zonedToday, type DashboardScope } from "../lib/dashboard/schema";
import { migrate } from "../lib/db/migrator";
import { dashboardSeedStatements } from "./lib/dashboard-seed";
import { summarizePlan, type Explained } from "./lib/plan";
import { withClient } from "./lib/postgres";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    runs: { type: "string", default: "5" },
    verbose: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const cases = Number(args.cases);
const runs = Number(args.runs);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !Number.isSafeInteger(cases) || cases < 1 || !Number.isSafeInteger(runs) || runs < 1) {
  console.error(
    "Usage: DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/dashboard-bench.ts [--cases 100000] [--runs 5] [--verbose] [--keep]",
  );
  process.exit(2);
}

const ZONE = "Asia/Shanghai";
type Sql = { text: string; values: unknown[] };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Median wall time of `runs` runs after one warm-up (which also reads the pages into the cache), and the plan. */
async function measure(client: pg.Client, sql: Sql) {
  await client.query(sql.text, sql.values);
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    rows = (await client.query(sql.text, sql.values)).rowCount ?? 0;
    times.push(performance.now() - started);
  }
  const { rows: explained } = await client.query<{ "QUERY PLAN": Explained[] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  const plan = explained[0]!["QUERY PLAN"][0]!;
  const reads = (table: string) => {
    const summary = summarizePlan(plan.Plan, table);
    return [summary.seqScan ? "seq scan" : "", ...summary.indexes].filter(Boolean).join(" + ") || "—";
  };
  if (args.verbose) {
    const { rows: text } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
      sql.values,
    );
    console.log(text.map((row) => `    ${row["QUERY PLAN"]}`).join("\n"));
  }
  return {
    median: median(times),
    execution: plan["Execution Time"]!,
    rows,
    application: reads("application"),
    timeline: reads("timeline_event"),
  };
}

/** The page's queries all at once over a pool of 10 (pg.Pool's default, which @prisma/adapter-pg uses), as the page sends them. */
async function measureParallel(url: string, sqls: Sql[]) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const once = async () => {
      const started = performance.now();
      await Promise.all(sqls.map((sql) => pool.query(sql.text, sql.values)));
      return performance.now() - started;
    };
    await once();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await once());
    return median(times);
  } finally {
    await pool.end();
  }
}

function queriesFor(
  scope: DashboardScope,
  middleCursor: { submittedAt: Date; id: string } | null,
): [string, Sql][] {
  return [
    ["open cases per node (live)", openCountsSql(scope)],
    ["per node: on time, avg, p90", nodeStatsSql(scope)],
    ["on time per service", onTimeByServiceSql(scope)],
    ["first response", firstResponseSql(scope)],
    ["volume by hour", hourlyVolumeSql(scope)],
    ["follow-up rate", followUpSql(scope)],
    ["ratings", ratingsSql(scope)],
    ["CSV: first page (500)", exportPageSql(scope, null, 500)],
    ...(middleCursor
      ? ([["CSV: a middle page (500)", exportPageSql(scope, middleCursor, 500)]] as [string, Sql][])
      : []),
  ];
}

async function main() {
  const name = `expedite_bench_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl!, (admin) => admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`));
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  try {
    await migrate(url.toString());
    await withClient(url.toString(), async (client) => {
      let started = Date.now();
      for (const statement of dashboardSeedStatements(cases))
        await client.query(statement.text, statement.values);
      console.log(
        `Inserted ${cases} cases with their history in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      started = Date.now();
      // As autovacuum would soon: statistics for the planner, visibility map for index-only scans.
      await client.query("VACUUM ANALYZE");
      const { rows: counts } = await client.query<{ open: number; events: number }>(
        "SELECT (SELECT count(*) FROM application WHERE closed_at IS NULL)::int AS open, (SELECT count(*) FROM timeline_event)::int AS events",
      );
      console.log(
        `VACUUM ANALYZE in ${((Date.now() - started) / 1000).toFixed(1)} s; ${counts[0]!.open} open cases, ${counts[0]!.events} timeline events\n`,
      );

      const { rows: services } = await client.query<{ id: string }>(
        "SELECT id FROM service_type WHERE code = 'bench-1'",
      );
      const today = zonedToday(new Date(), ZONE);
      const scopes: [string, DashboardScope][] = [
        ["last 30 days", scopeOf({ from: addDays(today, -29), to: today, limited: false }, ZONE)],
        [
          "last 30 days, one service",
          scopeOf({ from: addDays(today, -29), to: today, service: services[0]!.id, limited: false }, ZONE),
        ],
        ["last 365 days", scopeOf({ from: addDays(today, -365), to: today, limited: false }, ZONE)],
      ];
      console.log(
        `${runs} runs each (median); execution time from EXPLAIN ANALYZE; how application and timeline_event are read.\n`,
      );
      console.log(
        "| filter | query | rows | median | execution | application | timeline_event |\n|---|---|---:|---:|---:|---|---|",
      );
      for (const [label, scope] of scopes) {
        const { rows: middle } = await client.query<{ submittedAt: Date; id: string }>(
          `SELECT submitted_at AS "submittedAt", id FROM application WHERE submitted_at >= $1 AND submitted_at < $2 ORDER BY submitted_at, id
           OFFSET (SELECT count(*) / 2 FROM application WHERE submitted_at >= $1 AND submitted_at < $2) LIMIT 1`,
          [scope.start, scope.end],
        );
        let total = 0;
        const queries = queriesFor(scope, middle[0] ?? null);
        for (const [query, sql] of queries) {
          const result = await measure(client, sql);
          if (!query.startsWith("CSV")) total += result.median;
          console.log(
            `| ${label} | ${query} | ${result.rows} | ${result.median.toFixed(1)} ms | ${result.execution.toFixed(1)} ms | ${result.application} | ${result.timeline} |`,
          );
        }
        const page = queries.filter(([query]) => !query.startsWith("CSV")).map(([, sql]) => sql);
        console.log(
          `| ${label} | **the page's queries, one after another** | | **${total.toFixed(0)} ms** | | | |`,
        );
        console.log(
          `| ${label} | **the page's queries at once (as the page runs them)** | | **${(await measureParallel(url.toString(), page)).toFixed(0)} ms** | | | |`,
        );
      }
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
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
