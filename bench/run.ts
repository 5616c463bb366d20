// `npm run bench` (issue #7): a scratch database with N cases, the production build, the bare
// baseline, then every scenario under load; prints the table and writes bench/results/<date>.{json,md}.
//
//   npm run bench -- [--cases 100000] [--instances 1|2] [--connections 50] [--seconds 15] [--warmup 5] [--keep] [--label name]
//
// --instances 2 serves the app as production does on several machines: two instances of the one
// build behind Debian's nginx running deploy/nginx/expedite.conf (round-robin).
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "../lib/db/migrator";
import { ensureProductionBuild } from "../scripts/lib/build";
import { runSeed } from "../scripts/lib/seed-runner";
import { ensureDebianPackage } from "../scripts/lib/debian-package";
import {
  freePort,
  startApp,
  startAppsBehindNginx,
  startBaseline,
  type ServerProcess,
} from "./lib/app-server";
import { prepareApiFixtures } from "./lib/api-fixtures";
import { prepareFixtures } from "./lib/fixtures";
import { measurePageJs } from "./lib/js-size";
import { highWaterMark } from "./lib/memory";
import { describeServer, provideBenchDatabase, withClient } from "./lib/postgres";
import { measureScenarios } from "./lib/measure";
import { writeResults } from "./lib/results";
import { BENCH_PASSWORD, seedBenchAccounts } from "./lib/seed-accounts";
import { seedBenchCases } from "./lib/seed-cases";
import { signInAll } from "./lib/session";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    instances: { type: "string", default: "1" },
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    warmup: { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    label: { type: "string", default: "" },
  },
});
const cases = Number(args.cases);
const instances = Number(args.instances);
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const valid = [cases, connections, seconds, warmup].every(
  (value) => Number.isSafeInteger(value) && value >= 0,
);
if (
  !valid ||
  cases < 4 ||
  (instances !== 1 && instances !== 2) ||
  connections < 1 ||
  seconds < 1 ||
  !/^[a-z0-9-]*$/.test(args.label)
) {
  console.error(
    "Usage: npm run bench -- [--cases 100000] [--instances 1|2] [--connections 50] [--seconds 15] [--warmup 5] [--keep] [--label name]",
  );
  process.exit(2);
}

const started = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function main() {
  const database = await provideBenchDatabase({
    dataDir: path.resolve(".data/bench-pg"),
    port: Number(process.env.BENCH_PG_PORT ?? 54331),
    log,
  });
  const uploadDir = path.resolve(`.data/bench-uploads-${database.name}`);
  const servers: ServerProcess[] = [];
  try {
    const secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ID_HASH_KEY: randomBytes(32).toString("base64url"),
    };
    await migrate(database.url);
    await runSeed(database.url, secrets.ID_HASH_KEY);
    log(`Migrated and seeded the demo data; inserting ${cases.toLocaleString("en-US")} cases…`);
    const submitters = connections + 10;
    const { seed, fixtures, apiFixtures } = await withClient(database.url, async (client) => {
      const seedStarted = Date.now();
      await seedBenchAccounts(client, { cases, submitters });
      const steps = await seedBenchCases(client, cases, (line) => log(line));
      const fixtures = await prepareFixtures(client, { cases, idHashKey: secrets.ID_HASH_KEY, submitters });
      const apiFixtures = await prepareApiFixtures(client, { submitters });
      const vacuumStarted = Date.now();
      // As autovacuum would soon: statistics for the planner, the visibility map for index-only scans.
      await client.query("VACUUM ANALYZE");
      steps.push({ step: "VACUUM ANALYZE", seconds: (Date.now() - vacuumStarted) / 1000 });
      return { seed: { seconds: (Date.now() - seedStarted) / 1000, steps }, fixtures, apiFixtures };
    });
    log(`Seeded in ${seed.seconds.toFixed(1)} s.`);

    ensureProductionBuild(log);
    await mkdir(uploadDir, { recursive: true });
    const [appPort, baselinePort] = [await freePort(), await freePort()];
    const app =
      instances === 2
        ? await startAppsBehindNginx({
            nginx: ensureDebianPackage("/usr/sbin/nginx", ["nginx"], "--instances 2", log),
            databaseUrl: database.url,
            secrets,
            uploadDir,
          })
        : await startApp({ port: appPort, databaseUrl: database.url, secrets, uploadDir });
    servers.push(app);
    const baseline = await startBaseline({
      port: baselinePort,
      databaseUrl: database.url,
      idHashKey: secrets.ID_HASH_KEY,
    });
    servers.push(baseline);
    log(`App on ${app.url} (pid ${app.pid}), baseline on ${baseline.url} (pid ${baseline.pid}); signing in…`);

    const emails = [
      fixtures.reviewer.email,
      fixtures.applicant.email,
      fixtures.mover.email,
      ...fixtures.submitters,
    ];
    const cookies = await signInAll(app.url, emails, BENCH_PASSWORD);
    const jsSizes = [
      await measurePageJs({ baseUrl: app.url, page: "/track" }),
      await measurePageJs({
        baseUrl: app.url,
        page: `/portal/applications/${fixtures.applicant.numbers[0]}`,
        headers: { Cookie: cookies.get(fixtures.applicant.email)! },
      }),
    ];

    const measured = await measureScenarios({
      app,
      baseline,
      fixtures,
      apiFixtures,
      cookies,
      connections,
      seconds,
      warmup,
      log,
      databaseUrl: database.url,
    });
    const appHighWaterBytes = highWaterMark(app.pid);
    const files = await writeResults({
      date: new Date(),
      label: args.label,
      cases,
      instances,
      connections,
      seconds,
      warmup,
      postgres: await describeServer(database.url),
      seed,
      jsSizes,
      measured,
      appHighWaterBytes,
      totalSeconds: (Date.now() - started) / 1000,
    });
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s; results in ${files.join(" and ")}.`);
  } finally {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    await rm(uploadDir, { recursive: true, force: true });
    await database.close({ keep: args.keep });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
