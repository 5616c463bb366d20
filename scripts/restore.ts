// `npm run restore -- <folder>`: a backup into the EMPTY database at DATABASE_URL and the configured
// evidence store (decision 021; README "Backup and restore").
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEnvironment } from "./lib/backup-environment";
import { restoreBackup } from "./lib/restore";

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error("Usage: npm run restore -- <backup folder>");
  const dir = path.resolve(positionals[0]!);
  const { databaseUrl, store } = await backupEnvironment("npm run restore");
  const manifest = await restoreBackup({
    dir,
    databaseUrl,
    store,
    log: (line) => console.log(`[restore] ${line}`),
  });
  console.log(
    `[restore] Done: ${manifest.counts.applications} cases and ${manifest.evidence.length} evidence files from ` +
      `${manifest.createdAt}. Next: npm run db:migrate (when this build has newer migrations), then npm run serve.`,
  );
}

main().catch((error: unknown) => {
  console.error(`[restore] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
