import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrator";
import { ensureProductionBuild } from "./lib/build";
import { startTopology } from "../e2e/cluster/topology";
import { ensureChromium } from "./lib/chromium";
import { ensureDebianPackage } from "./lib/debian-package";
import { ensureDebianPostgres } from "./lib/debian-postgres";
import { runSeed } from "./lib/seed-runner";

// `npm test`: type-check → lint → lib/ file vocabulary → format check → unit + integration (Vitest, real Postgres) → e2e (Playwright,
// production build, Debian's Chromium). Tests get their own databases, never the demo one:
// an embedded cluster under .data/test-pg, or new databases on the server DATABASE_URL points at.
const log = (line: string) => console.log(`\n[test] ${line}`);

function run(command: string, args: string[], env: Record<string, string | undefined> = {}) {
  log(`${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Like run(), but leaves this process's event loop free. Whatever this process started lives on it:
 * the embedded PostgreSQL writes its log into a pipe read here (left unread, the pipe fills and every
 * backend that logs, the checkpointer included, blocks: a fresh clone's test cluster hung that way),
 * and the cluster test's SMTP server and s3rver answer from here.
 */
async function runAsync(command: string, args: string[], env: Record<string, string | undefined> = {}) {
  log(`${command} ${args.join(" ")}`);
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const status = await new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${status})`);
}

function adminUrlFrom(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

async function main() {
  // Optional while developing: "unit", "e2e" or "cluster" for one part, then arguments for its runner
  // (e.g. `npm test -- e2e e2e/portal.spec.ts`).
  const only = process.argv[2];
  const runnerArgs = process.argv.slice(3);
  const chromium = only === "unit" ? undefined : ensureChromium(log);
  if (only === undefined || only === "unit") ensureDebianPostgres(log);
  if (!only) {
    run("npx", ["tsc", "--noEmit"]);
    run("npx", ["eslint", "--max-warnings=0", "."]);
    run("npx", ["tsx", "scripts/check-structure.ts"]);
    run("npx", ["prettier", "--check", "."]);
  }

  const external = process.env.DATABASE_URL;
  const cluster = external
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: path.resolve(".data/test-pg"),
        port: Number(process.env.TEST_PG_PORT ?? 54330),
      });
  const adminUrl = external ? adminUrlFrom(external) : cluster!.adminUrl;
  const e2eDatabase = `expedite_e2e_${randomBytes(4).toString("hex")}`;
  const clusterDatabase = `expedite_cluster_${randomBytes(4).toString("hex")}`;
  const databaseUrl = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (only === undefined || only === "unit")
      await runAsync("npx", ["vitest", "run", ...runnerArgs], { TEST_DATABASE_ADMIN_URL: adminUrl });
    if (only === undefined || only === "e2e") {
      await admin.query(`CREATE DATABASE ${e2eDatabase}`);
      const e2eUrl = databaseUrl(e2eDatabase);
      const secrets = {
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        ID_HASH_KEY: randomBytes(32).toString("hex"),
      };
      await migrate(e2eUrl, { log });
      await runSeed(e2eUrl, secrets.ID_HASH_KEY);
      ensureProductionBuild(log);
      await runAsync("npx", ["playwright", "test", ...runnerArgs], {
        ...secrets,
        DATABASE_URL: e2eUrl,
        E2E_DATABASE_URL: e2eUrl,
        CHROMIUM_PATH: chromium,
      });
    }
    if (only === undefined || only === "cluster") {
      // The production topology (e2e/cluster/): one build, two instances, a worker, nginx; a
      // database that was migrated and never seeded, as production's is.
      const nginx = ensureDebianPackage("/usr/sbin/nginx", ["nginx"], "the multi-instance test", log);
      await admin.query(`CREATE DATABASE ${clusterDatabase}`);
      const clusterUrl = databaseUrl(clusterDatabase);
      await migrate(clusterUrl, { log });
      ensureProductionBuild(log);
      const topology = await startTopology({ databaseUrl: clusterUrl, nginx, log });
      try {
        await runAsync(
          "npx",
          ["playwright", "test", "-c", "e2e/cluster/playwright.config.ts", ...(only ? runnerArgs : [])],
          {
            ...topology.env,
            CLUSTER_STATE: topology.stateFile,
            E2E_DATABASE_URL: clusterUrl,
            CHROMIUM_PATH: chromium,
          },
        );
      } catch (error) {
        topology.printLogs();
        throw error;
      } finally {
        await topology.stop();
      }
    }
  } finally {
    for (const name of [e2eDatabase, clusterDatabase])
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await cluster?.stop();
  }
  log("All tests passed.");
}

// Interrupted: exit through process.exit, so the cluster's processes are stopped on the way out.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
  console.error(`\n[test] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
