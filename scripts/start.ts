import path from "node:path";
import { disconnectPrisma } from "../lib/db/client-global";
import { migrate } from "../lib/db/migrator";
import { exitOnSignals } from "../lib/http/graceful-shutdown";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/users";
import { ensureProductionBuild } from "./lib/build";
import { provideDatabase } from "./lib/database";
import { loadSecrets } from "./lib/secrets";
import { runSeed } from "./lib/seed-runner";
import { startServer, type RunningServer } from "./server";
import { startBackgroundWorker } from "./worker";

// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data → build if
// sources changed → serve, and run the job worker (outbox relay, watches) in the same process
// (unless NOTIFICATION_WORKER=0, when separate `npm run worker` processes do it).
// Migrations finish before the server accepts its first request.
const log = (line: string) => console.log(`[expedite] ${line}`);
const DATA_DIR = path.resolve(".data");
const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes("--dev");

async function main() {
  // Two modes, never mixed (decision 017): the demo generates secrets and seeds demo accounts, which
  // must never happen to a production database.
  if (process.env.NODE_ENV === "production")
    throw new Error("npm start is the demo and does not run with NODE_ENV=production: use `npm run serve`.");
  const database = await provideDatabase({
    dataDir: path.join(DATA_DIR, "pg"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: "expedite",
    log,
  });
  let worker: Awaited<ReturnType<typeof startBackgroundWorker>> | undefined;
  let running: RunningServer | undefined = undefined;
  exitOnSignals(async (signal) => {
    log(`${signal} received, stopping.`);
    // Requests in flight and the jobs in hand finish before the database goes away.
    await Promise.all([running?.drain(), worker?.stop().catch(() => {})]);
    await disconnectPrisma().catch(() => {});
    await database.stop().catch(() => {});
  }, log);

  const secrets = loadSecrets(DATA_DIR);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    ...secrets,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    APP_URL: process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  });

  await migrate(database.url, { log });
  if (process.env.SEED_DEMO_DATA !== "0") {
    await runSeed(database.url, secrets.ID_HASH_KEY);
    log("Demo data is in place.");
  }
  if (!dev) ensureProductionBuild(log);
  running = await startServer({ port, dev });
  if (process.env.NOTIFICATION_WORKER !== "0") {
    worker = await startBackgroundWorker();
    log(
      process.env.SMTP_URL
        ? "Job worker started (email over SMTP)."
        : "Job worker started (email and SMS go to /console/mailbox).",
    );
  }

  log(`Expedite is running on http://localhost:${port}`);
  if (process.env.SEED_DEMO_DATA !== "0") {
    log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) log(`  ${user.role.padEnd(10)} ${user.email}`);
  }
}

main().catch((error: unknown) => {
  console.error(`[expedite] Start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
