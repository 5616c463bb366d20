// `npm run storage:migrate [-- --from <dir>]`: copies the evidence files under <dir> (default
// .data/uploads) to the bucket the environment names (STORAGE_DRIVER=s3, S3_*; DATABASE_URL and the
// other server settings as for `npm run serve`). Safe to run again: what is already there with the
// right sha256 is skipped. Exits non-zero when any file is missing or does not match its row.
// Run with --conditions=react-server (package.json) so lib/'s "server-only" marker loads in Node.
import path from "node:path";
import { db } from "../lib/db";
import { serverEnv } from "../lib/env";
import { localFileStore } from "../lib/evidence/local-store";
import { s3FileStore } from "../lib/evidence/s3-store";
import { migrateEvidenceStorage } from "./lib/storage-migration";

async function main(): Promise<number> {
  const fromIndex = process.argv.indexOf("--from");
  const from = path.resolve(fromIndex > 0 ? process.argv[fromIndex + 1]! : ".data/uploads");
  const { storage } = serverEnv();
  if (storage.driver !== "s3") {
    console.error("storage:migrate copies to a bucket: set STORAGE_DRIVER=s3 and the S3_* settings.");
    return 1;
  }
  console.log(`Copying evidence from ${from} to bucket ${storage.bucket} at ${storage.endpoint ?? "AWS S3"}`);
  const report = await migrateEvidenceStorage({
    source: localFileStore(() => from),
    target: s3FileStore(storage),
    log: (line) => console.log(line),
  });
  for (const key of report.missing) console.error(`missing: ${key}`);
  for (const key of report.mismatched) console.error(`sha256 mismatch: ${key}`);
  return report.missing.length + report.mismatched.length > 0 ? 1 : 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
