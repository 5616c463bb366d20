// `npm run backup`: the database (pg_dump custom format) and the evidence store, as one folder
// (decision 021). The dump and the list of evidence come from one snapshot, so every file the dump
// points at is in the manifest, whatever is uploaded meanwhile.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import pg from "pg";
import type { FileStore } from "../../lib/evidence/file-store";
import {
  backupFileName,
  DUMP_FILE,
  FILES_DIR,
  MANIFEST_FILE,
  runTool,
  sha256OfFile,
  type BackupManifest,
  type EvidenceEntry,
} from "./backup-manifest";
import { findTool, serverMajor, toolConnection, type ToolSearch } from "./pg-tools";

export type BackupOptions = {
  databaseUrl: string;
  store: FileStore;
  /** The folder to create; an existing one is never touched. */
  dir: string;
  /** List the evidence (key, size, sha256) without copying it, for a store replicated elsewhere. */
  manifestOnly?: boolean;
  log?: (line: string) => void;
  tools?: ToolSearch;
};

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

type EvidenceRow = { storage_key: string; size_bytes: number; sha256: string };

export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  await mkdir(path.dirname(dir), { recursive: true });
  // Not recursive: fails when the folder exists, so no earlier backup is ever overwritten.
  await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EEXIST")
      throw new BackupError(`${dir} already exists; a backup never overwrites one. Choose a new folder.`);
    throw error;
  });
  try {
    const manifest = await writeBackup(dir, options, log);
    // Last, and atomically: a folder without manifest.json is an unfinished backup.
    await writeFile(path.join(dir, `${MANIFEST_FILE}.tmp`), JSON.stringify(manifest, null, 2) + "\n", {
      mode: 0o600,
    });
    await rename(path.join(dir, `${MANIFEST_FILE}.tmp`), path.join(dir, MANIFEST_FILE));
    return manifest;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup(dir: string, options: BackupOptions, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on("error", () => {
    // Reported by the failing query.
  });
  await client.connect();
  try {
    const { rows: version } = await client.query<{ num: string; text: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text",
    );
    const major = serverMajor(version[0]!.num);
    const pgDump = await findTool(
      "pg_dump",
      major,
      `The server is PostgreSQL ${major} (pg_dump refuses a server newer than itself)`,
      options.tools,
    );
    log(`Server PostgreSQL ${version[0]!.text}; using ${pgDump.path} (${pgDump.version}).`);

    // One snapshot for the dump and the evidence list (pg_dump --snapshot), held until both are read.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: snapshot } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const rows = await readEvidence(client);
    const counts = await readCounts(client);
    log(
      `Dumping the database (${counts.applications} cases, ${counts.timelineEvents} timeline events, ${counts.evidenceFiles} evidence files)…`,
    );
    const connection = toolConnection(options.databaseUrl);
    const dumpFile = path.join(dir, DUMP_FILE);
    await runTool(
      pgDump.path,
      [
        "--format=custom",
        `--snapshot=${snapshot[0]!.id}`,
        `--file=${dumpFile}`,
        `--dbname=${connection.url}`,
      ],
      connection.env,
    );
    await client.query("COMMIT");
    await chmod(dumpFile, 0o600);
    const dumpSize = (await stat(dumpFile)).size;
    log(`Database dumped (${formatBytes(dumpSize)}).`);

    const evidence = options.manifestOnly
      ? rows.map((row) => entry(row, null))
      : await copyFiles(dir, rows, options.store, client, log);
    return {
      format: "expedite-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      database: {
        file: DUMP_FILE,
        sha256: await sha256OfFile(dumpFile),
        serverMajor: major,
        serverVersion: version[0]!.text,
        pgDumpMajor: pgDump.major,
        pgDumpVersion: pgDump.version,
      },
      filesIncluded: !options.manifestOnly,
      counts,
      evidence,
    } satisfies BackupManifest;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readEvidence(client: pg.Client): Promise<EvidenceRow[]> {
  const result = await client
    .query<EvidenceRow>("SELECT storage_key, size_bytes, sha256 FROM evidence_file ORDER BY storage_key")
    .catch((error: { code?: string }) => {
      if (error.code === "42P01")
        throw new BackupError("This database has no evidence_file table: is it an Expedite database?");
      throw error;
    });
  return result.rows;
}

async function readCounts(client: pg.Client): Promise<BackupManifest["counts"]> {
  const { rows } = await client.query<{ a: string; t: string; e: string }>(
    `SELECT (SELECT count(*) FROM application) AS a, (SELECT count(*) FROM timeline_event) AS t,
            (SELECT count(*) FROM evidence_file) AS e`,
  );
  return {
    applications: Number(rows[0]!.a),
    timelineEvents: Number(rows[0]!.t),
    evidenceFiles: Number(rows[0]!.e),
  };
}

function entry(row: EvidenceRow, file: string | null): EvidenceEntry {
  return { key: row.storage_key, size: row.size_bytes, sha256: row.sha256, file };
}

const PROGRESS_EVERY = 100;

/** Copies every file, checking each against its row's sha256 and size as it is read. */
async function copyFiles(
  dir: string,
  rows: EvidenceRow[],
  store: FileStore,
  client: pg.Client,
  log: (line: string) => void,
): Promise<EvidenceEntry[]> {
  await mkdir(path.join(dir, FILES_DIR), { mode: 0o700 });
  const entries: EvidenceEntry[] = [];
  const problems: string[] = [];
  let bytes = 0;
  for (const [index, row] of rows.entries()) {
    const name = backupFileName(row.storage_key);
    const stream = await store.get(row.storage_key);
    if (!stream) {
      // Deleted after the snapshot (a draft removed by its owner) is normal; a row without its file is not.
      const { rowCount } = await client.query("SELECT 1 FROM evidence_file WHERE storage_key = $1", [
        row.storage_key,
      ]);
      if (rowCount) problems.push(`${row.storage_key}: missing from the store`);
      else entries.push({ ...entry(row, null), deletedDuringBackup: true });
      continue;
    }
    const hash = createHash("sha256");
    let size = 0;
    const source = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>);
    source.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(source, createWriteStream(path.join(dir, name), { mode: 0o600, flags: "wx" }));
    const sha256 = hash.digest("hex");
    if (sha256 !== row.sha256 || size !== row.size_bytes)
      problems.push(
        `${row.storage_key}: the stored bytes do not match the database (sha256 or size differs)`,
      );
    entries.push(entry(row, name));
    bytes += size;
    if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === rows.length)
      log(`Files: ${index + 1}/${rows.length} (${formatBytes(bytes)})`);
  }
  if (problems.length > 0)
    throw new BackupError(
      `${problems.length} evidence file(s) could not be backed up:\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
  return entries;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
