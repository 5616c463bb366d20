// `npm run backup -- [folder] [--manifest-only]`: the database and the evidence store, as one new
// folder (decision 021; README "Backup and restore").
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup, formatBytes } from "./lib/backup";
import { backupEnvironment } from "./lib/backup-environment";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "manifest-only": { type: "boolean", default: false } },
  });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const dir = path.resolve(positionals[0] ?? path.join("backups", `expedite-${stamp}`));
  const { databaseUrl, store } = await backupEnvironment("npm run backup");
  const manifest = await createBackup({
    databaseUrl,
    store,
    dir,
    manifestOnly: values["manifest-only"],
    log: (line) => console.log(`[backup] ${line}`),
  });
  const bytes = manifest.evidence.reduce((sum, entry) => sum + (entry.file ? entry.size : 0), 0);
  console.log(
    `[backup] Done: ${dir}\n[backup] ${manifest.counts.applications} cases, ${manifest.evidence.length} evidence files ` +
      (manifest.filesIncluded ? `(${formatBytes(bytes)} copied).` : "(listed only: --manifest-only)."),
  );
}

main().catch((error: unknown) => {
  console.error(`[backup] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
