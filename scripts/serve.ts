import { startServer, stopOnSignals } from "./server";
import { productionPreflight } from "./lib/production-preflight";

// `npm run serve`: production mode (decision 017). Serves the build made by `npm run build` on the
// database and settings the environment names: it never builds, migrates, seeds or generates a secret,
// and runs no background work (`npm run worker` does). Any number of instances can serve one build.
const log = (line: string) => console.log(`[expedite] ${line}`);

async function main() {
  const problems = await productionPreflight(process.env);
  if (problems.length > 0) {
    console.error(
      `[expedite] Production mode cannot start:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n` +
        "See README, “Running in production”. For the demo, use `npm start` instead.",
    );
    process.exit(1);
  }
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = Number(process.env.PORT ?? 3000);
  const running = await startServer({ port });
  stopOnSignals(running, log);
  log(`Serving on port ${port} (production mode).`);
}

main().catch((error: unknown) => {
  console.error(`[expedite] Start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
