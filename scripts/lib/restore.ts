// `npm run restore`: a backup folder into an EMPTY database and the configured evidence store
// (decision 021). Everything that can be checked before the database is touched is checked first:
// the manifest, the dump's and every file's sha256, the target's emptiness and version, the tool.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { FileStore } from "../../lib/evidence/file-store";
import { formatBytes } from "./backup";
import {
  DUMP_FILE,
  MANIFEST_FILE,
  manifestSchema,
  runTool,
  sha256Hex,
  sha256OfFile,
  type BackupManifest,
} from "./backup-manifest";
import { findTool, serverMajor, toolConnection, type ToolSearch } from "./pg-tools";

export type RestoreOptions = {
  dir: string;
  databaseUrl: string;
  store: FileStore;
  log?: (line: string) => void;
  tools?: ToolSearch;
};

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreError";
  }
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT")
      throw new RestoreError(
        `${dir} has no ${MANIFEST_FILE}: it is not a backup, or the backup did not finish.`,
      );
    throw error;
  });
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new RestoreError(`${path.join(dir, MANIFEST_FILE)} is not a manifest this version understands.`);
  return parsed.data;
}

export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const manifest = await readManifest(dir);
  await verifyBackupFiles(dir, manifest, log);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on("error", () => {
    // Reported by the failing query.
  });
  await client.connect();
  try {
    await assertEmpty(client);
    const { rows } = await client.query<{ num: string }>(
      "SELECT current_setting('server_version_num') AS num",
    );
    const targetMajor = serverMajor(rows[0]!.num);
    if (targetMajor < manifest.database.serverMajor)
      throw new RestoreError(
        `The backup comes from PostgreSQL ${manifest.database.serverMajor} and the target is ${targetMajor}: ` +
          `restore into PostgreSQL ${manifest.database.serverMajor} or newer.`,
      );
    const pgRestore = await findTool(
      "pg_restore",
      manifest.database.pgDumpMajor,
      `The dump was written by pg_dump ${manifest.database.pgDumpVersion}`,
      options.tools,
    );
    log(`Loading the database with ${pgRestore.path} (${pgRestore.version})…`);
    const connection = toolConnection(options.databaseUrl);
    // One transaction: a failure leaves the target as empty as it was. Owners and grants are the
    // restoring role's, so a backup loads into any account that may create tables.
    await runTool(
      pgRestore.path,
      [
        "--exit-on-error",
        "--single-transaction",
        "--no-owner",
        "--no-acl",
        `--dbname=${connection.url}`,
        path.join(dir, DUMP_FILE),
      ],
      connection.env,
    );
    await assertCounts(client, manifest);
    log(
      `Database loaded: ${manifest.counts.applications} cases, ${manifest.counts.timelineEvents} timeline events, ${manifest.counts.evidenceFiles} evidence files.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }

  if (manifest.filesIncluded) await putFiles(dir, manifest, options.store, log);
  await verifyStore(manifest, options.store, log);
  return manifest;
}

/** The dump and every file in the backup against the manifest, before anything is loaded. */
async function verifyBackupFiles(dir: string, manifest: BackupManifest, log: (line: string) => void) {
  const dump = await sha256OfFile(path.join(dir, DUMP_FILE)).catch(() => null);
  if (dump !== manifest.database.sha256)
    throw new RestoreError(`${DUMP_FILE} is missing or damaged (its sha256 differs from the manifest).`);
  if (!manifest.filesIncluded) return;
  log(`Checking ${manifest.evidence.length} files in the backup…`);
  const damaged: string[] = [];
  for (const entry of manifest.evidence) {
    if (!entry.file) continue;
    const actual = await sha256OfFile(path.join(dir, entry.file)).catch(() => null);
    if (actual !== entry.sha256) damaged.push(entry.file);
  }
  if (damaged.length > 0)
    throw new RestoreError(
      `${damaged.length} file(s) in the backup are missing or damaged; nothing was restored:\n  ${damaged.slice(0, 20).join("\n  ")}`,
    );
}

/** Tables, views or sequences in any schema but the system's mean the database is in use. */
async function assertEmpty(client: pg.Client) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
      ORDER BY 1 LIMIT 5`,
  );
  if (rows.length > 0) {
    const { rows: where } = await client.query<{ db: string }>("SELECT current_database() AS db");
    throw new RestoreError(
      `Database ${where[0]!.db} is not empty (it has ${rows.map((row) => row.name).join(", ")}…); ` +
        `a restore only goes into an empty database. Create one (createdb) and point DATABASE_URL at it.`,
    );
  }
}

async function assertCounts(client: pg.Client, manifest: BackupManifest) {
  const { rows } = await client.query<{ a: string; t: string; e: string }>(
    `SELECT (SELECT count(*) FROM application) AS a, (SELECT count(*) FROM timeline_event) AS t,
            (SELECT count(*) FROM evidence_file) AS e`,
  );
  const actual = {
    applications: Number(rows[0]!.a),
    timelineEvents: Number(rows[0]!.t),
    evidenceFiles: Number(rows[0]!.e),
  };
  if (JSON.stringify(actual) !== JSON.stringify(manifest.counts))
    throw new RestoreError(
      `The restored database holds ${JSON.stringify(actual)}, the backup ${JSON.stringify(manifest.counts)}.`,
    );
}

const PROGRESS_EVERY = 100;

async function putFiles(
  dir: string,
  manifest: BackupManifest,
  store: FileStore,
  log: (line: string) => void,
) {
  const entries = manifest.evidence.filter((entry) => entry.file);
  let bytes = 0;
  for (const [index, entry] of entries.entries()) {
    const content = new Uint8Array(await readFile(path.join(dir, entry.file!)));
    // Checked again here: the folder may have changed since verifyBackupFiles read it.
    if (sha256Hex(content) !== entry.sha256)
      throw new RestoreError(`${entry.file} changed during the restore.`);
    await store.put(entry.key, content);
    bytes += content.length;
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === entries.length)
      log(`Files stored: ${index + 1}/${entries.length} (${formatBytes(bytes)})`);
  }
}

/** Reads every file back from the store; a restore is done only when each sha256 matches. */
async function verifyStore(manifest: BackupManifest, store: FileStore, log: (line: string) => void) {
  const expected = manifest.evidence.filter((entry) => !entry.deletedDuringBackup);
  const problems: string[] = [];
  for (const [index, entry] of expected.entries()) {
    const stream = await store.get(entry.key);
    const bytes = stream ? new Uint8Array(await new Response(stream).arrayBuffer()) : null;
    if (!bytes) problems.push(`${entry.key}: missing from the store`);
    else if (sha256Hex(bytes) !== entry.sha256) problems.push(`${entry.key}: sha256 differs`);
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === expected.length)
      log(`Files verified: ${index + 1}/${expected.length}`);
  }
  const deleted = manifest.evidence.length - expected.length;
  if (deleted > 0)
    log(`${deleted} evidence row(s) were deleted while the backup ran; they are restored without a file.`);
  if (problems.length > 0)
    throw new RestoreError(
      `The database is restored, but ${problems.length} evidence file(s) are not in the store:\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
}
