import type { ApiFixtures } from "./api-fixtures";
import { apiProgressScenario, apiSubmissionScenario } from "./api-scenarios";
import type { ServerProcess } from "./app-server";
import { startCpuSplit, type CpuSplit } from "./cpu";
import type { Fixtures } from "./fixtures";
import { runLoad, type LoadResult } from "./load";
import { runPaced, type PacedResult } from "./paced";
import { withClient } from "./postgres";
import { throughputRatio, type Row } from "./report";
import {
  casePageScenario,
  lookupScenario,
  pageScenario,
  submissionScenario,
  transitionScenario,
  type Scenario,
} from "./scenarios";
import { findActionId, readActionManifest } from "./server-actions";

export type Measurement = {
  rows: (Row & { key: string; server: "app" | "baseline"; result: LoadResult; cpu: CpuSplit })[];
  /** Open-loop runs of the read scenarios at half the app's saturated throughput (same rate for the baseline). */
  halfLoad: (PacedResult & { key: string; scenario: string })[];
  lookup: { ratio: number; perPair: number[] };
  /** Keys sent (warm-up included, in flight at the stop included), applications made from them, and any extra. */
  submissions: { sent: number; inDatabase: number; duplicates: number; unknownKeys: number };
  transitions: { poolExhausted: number };
  /** (h): Idempotency-Keys sent, cases the submitting partners have, and cases beyond one per key. */
  apiSubmissions: { sent: number; inDatabase: number; duplicates: number };
};

type Options = {
  app: ServerProcess;
  baseline: ServerProcess;
  fixtures: Fixtures;
  apiFixtures: ApiFixtures;
  cookies: Map<string, string>;
  connections: number;
  seconds: number;
  warmup: number;
  databaseUrl: string;
  log: (line: string) => void;
};

// The service with one required evidence kind (URGENCY_PROOF), so one small file completes a submission.
const SUBMISSION_SERVICE = "software-bug-fix";

/** Every scenario in turn: reads first, then the writes (which change what the reads would see). */
export async function measureScenarios(options: Options): Promise<Measurement> {
  const { app, baseline, fixtures, cookies, connections, seconds, warmup, log } = options;
  const rows: Measurement["rows"] = [];
  // autocannon stops with up to one request per connection still inside the server: let them
  // finish before the next run, or it would start behind a queue it did not make.
  const drain = (result: LoadResult) =>
    new Promise((resolve) => setTimeout(resolve, Math.min(10_000, result.p99 + 1000)));
  const run = async (
    key: string,
    title: string,
    server: ServerProcess,
    scenario: Scenario,
    warm: boolean,
  ) => {
    if (warm && warmup > 0)
      await drain(
        await runLoad({
          url: server.url,
          connections,
          seconds: warmup,
          requests: scenario.requests,
          expectStatus: scenario.expectStatus,
        }),
      );
    if (scenario.work) Object.assign(scenario.work, { done: 0, failed: 0 });
    const cpuSplit = await startCpuSplit(server.pid, options.databaseUrl);
    const result = await runLoad({
      url: server.url,
      connections,
      seconds,
      requests: scenario.requests,
      expectStatus: scenario.expectStatus,
      serverPid: server.pid,
    });
    const cpu = await cpuSplit.stop();
    await drain(result);
    const work = scenario.work;
    const row = {
      key,
      server: server === baseline ? ("baseline" as const) : ("app" as const),
      scenario: title,
      rate: work ? work.done / result.seconds : result.requestsPerSecond,
      unit: scenario.unit ?? "req",
      ...result,
      unexpected: result.unexpected + (work?.failed ?? 0),
      serverCpuMs: result.responses ? (cpu.server * 1000) / result.responses : 0,
      otherCores: cpu.other / result.seconds,
      result,
      cpu,
    };
    rows.push(row);
    log(
      `${title}: ${row.rate.toFixed(0)} ${row.unit}/s, p95 ${result.p95.toFixed(1)} ms, ${row.errors} errors, ${row.unexpected} non-2xx/failed, ` +
        `server CPU ${row.serverCpuMs.toFixed(1)} ms/req, other processes ${row.otherCores.toFixed(2)} cores`,
    );
    return row;
  };

  const halfLoad: Measurement["halfLoad"] = [];
  const paced = async (
    key: string,
    title: string,
    server: ServerProcess,
    scenario: Scenario,
    rate: number,
  ) => {
    const result = await runPaced({
      url: server.url,
      rate: Math.max(1, Math.round(rate)),
      seconds,
      connections,
      next: scenario.sample!,
    });
    halfLoad.push({ key, scenario: title, ...result });
    log(
      `${title} at ${result.rate} req/s offered: p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors, ${result.unexpected} non-2xx`,
    );
  };

  // (a) A/B: baseline and app alternate, so both see the same machine state on average.
  const pairs: { baseline: number; app: number }[] = [];
  for (let round = 1; round <= 2; round++) {
    const b = await run(
      `a-baseline-${round}`,
      `(a) lookup JSON · baseline, run ${round}`,
      baseline,
      lookupScenario(fixtures.lookups),
      round === 1,
    );
    const a = await run(
      `a-app-${round}`,
      `(a) lookup JSON · app, run ${round}`,
      app,
      lookupScenario(fixtures.lookups),
      round === 1,
    );
    pairs.push({ baseline: b.rate, app: a.rate });
  }
  const lookupRate = Math.min(...pairs.map((pair) => pair.app)) / 2;
  await paced(
    "a-baseline",
    "(a) lookup JSON · baseline",
    baseline,
    lookupScenario(fixtures.lookups),
    lookupRate,
  );
  await paced("a-app", "(a) lookup JSON · app", app, lookupScenario(fixtures.lookups), lookupRate);
  const reads: [string, string, Scenario][] = [
    ["b", "(b) lookup page GET /track", pageScenario("/track")],
    [
      "c",
      "(c) case page (applicant)",
      casePageScenario(fixtures.applicant.numbers, cookies.get(fixtures.applicant.email)!),
    ],
    [
      "d",
      "(d) review queue /console (reviewer)",
      pageScenario("/console", cookies.get(fixtures.reviewer.email)!),
    ],
    [
      "g",
      "(g) progress through the API, GET /api/v1/applications/{number}",
      apiProgressScenario(options.apiFixtures.reader.numbers, options.apiFixtures.reader.secret),
    ],
  ];
  for (const [key, title, scenario] of reads) {
    const saturated = await run(key, title, app, scenario, true);
    await paced(key, title, app, scenario, saturated.rate / 2);
  }

  const manifest = readActionManifest();
  const accounts = new Map(fixtures.submitters.map((email) => [email, cookies.get(email)!]));
  const submissions = submissionScenario({
    origin: app.url,
    serviceCode: SUBMISSION_SERVICE,
    accounts,
    uploadActionId: findActionId(manifest, "lib/evidence/actions.ts", "uploadEvidence"),
    submitActionId: findActionId(manifest, "lib/applications/actions.ts", "submitApplication"),
  });
  await run("e", "(e) submit with a 1 KB PDF (2 actions)", app, submissions, true);
  const transitions = transitionScenario({
    origin: app.url,
    cookie: cookies.get(fixtures.mover.email)!,
    actionId: findActionId(manifest, "lib/workflow/staff-actions.ts", "staffTransition"),
    cases: fixtures.mover.cases,
  });
  await run("f", "(f) status transition (ADVANCE)", app, transitions, true);
  const apiSubmissions = apiSubmissionScenario({
    serviceCode: SUBMISSION_SERVICE,
    secrets: options.apiFixtures.submitters,
  });
  await run("h", "(h) submit through the API with a 1 KB PDF (multipart)", app, apiSubmissions, true);

  const check = await withClient(options.databaseUrl, async (client) => {
    const { rows: counts } = await client.query<{ total: number; keys: number; unknown: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT a.submission_key)::int AS keys,
              count(*) FILTER (WHERE a.submission_key IS NULL OR NOT (a.submission_key = ANY($1::text[])))::int AS unknown
         FROM application a JOIN "user" u ON u.id = a.applicant_id WHERE u.email LIKE 'bench-submitter-%@bench.test'`,
      [[...submissions.sentKeys]],
    );
    const { rows: api } = await client.query<{ total: number; keys: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT a.submission_key)::int AS keys
         FROM application a JOIN api_client c ON c.id = a.api_client_id WHERE c.name LIKE 'bench partner submitter-%'`,
    );
    return { ...counts[0]!, api: api[0]! };
  });
  return {
    rows,
    halfLoad,
    lookup: throughputRatio(pairs),
    submissions: {
      sent: submissions.sentKeys.size,
      inDatabase: check.total,
      duplicates: check.total - check.keys,
      unknownKeys: check.unknown,
    },
    transitions: { poolExhausted: transitions.exhausted() },
    apiSubmissions: {
      sent: apiSubmissions.sentKeys.size,
      inDatabase: check.api.total,
      duplicates: check.api.total - check.api.keys,
    },
  };
}
