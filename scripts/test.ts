import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrator";
import { ensureProductionBuild } from "./lib/build";
import { ensureChromium } from "./lib/chromium";
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

function adminUrlFrom(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return url.toString();
}

async function main() {
  // Optional while developing: "unit" or "e2e" for one half, then arguments for its runner
  // (e.g. `npm test -- e2e e2e/portal.spec.ts`).
  const only = process.argv[2];
  const runnerArgs = process.argv.slice(3);
  const chromium = only === "unit" ? undefined : ensureChromium(log);
  if (only !== "e2e") ensureDebianPostgres(log);
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
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (only !== "e2e") run("npx", ["vitest", "run", ...runnerArgs], { TEST_DATABASE_ADMIN_URL: adminUrl });
    if (only !== "unit") {
      await admin.query(`CREATE DATABASE ${e2eDatabase}`);
      const url = new URL(adminUrl);
      url.pathname = `/${e2eDatabase}`;
      const e2eUrl = url.toString();
      const secrets = {
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        ID_HASH_KEY: randomBytes(32).toString("hex"),
      };
      await migrate(e2eUrl, { log });
      await runSeed(e2eUrl, secrets.ID_HASH_KEY);
      ensureProductionBuild(log);
      run("npx", ["playwright", "test", ...runnerArgs], {
        ...secrets,
        DATABASE_URL: e2eUrl,
        E2E_DATABASE_URL: e2eUrl,
        CHROMIUM_PATH: chromium,
      });
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await cluster?.stop();
  }
  log("All tests passed.");
}

main().catch((error: unknown) => {
  console.error(`\n[test] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
