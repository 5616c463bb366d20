// Backup → restore round trip on real servers. The source is a throwaway PostgreSQL from the
// distribution (its pg_dump can dump it; the embedded PostgreSQL 18 has no pg_dump); the target is
// an empty database on the test server (PostgreSQL 18 here), so the trip also crosses versions.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { migrate, pendingMigrations } from "../../lib/db/migrator";
import type { FileStore } from "../../lib/evidence/file-store";
import { localFileStore } from "../../lib/evidence/local-store";
import { startDebianPostgres, type DebianPostgres } from "../../lib/testing/debian-postgres";
import { createTestDatabase, type TestDatabase } from "../../lib/testing/test-database";
import { seedDemoData } from "../../prisma/seed";
import { createBackup } from "./backup";
import { addResultDocumentAndDraft, fileCaseWithEvidence } from "./backup.fixtures";
import { sha256Hex, type BackupManifest } from "./backup-manifest";
import { serverMajor } from "./pg-tools";
import { restoreBackup } from "./restore";

// Its own port beside the test server's (TEST_PG_PORT), so parallel runs on one machine do not meet.
const SOURCE_PORT = Number(process.env.TEST_PG_PORT ?? 54330) + 10;

let source: DebianPostgres;
let sourceUrl: string;
let work: string;
let sourceStore: FileStore;
let backupDir: string;
let manifest: BackupManifest;
const targets: TestDatabase[] = [];

async function emptyTarget(): Promise<TestDatabase> {
  const target = await createTestDatabase({ migrate: false });
  targets.push(target);
  return target;
}

function storeIn(name: string): { dir: string; store: FileStore } {
  const dir = path.join(work, name);
  return { dir, store: localFileStore(() => dir) };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "expedite-backup-"));
  source = await startDebianPostgres(SOURCE_PORT);
  sourceUrl = await source.createDatabase("expedite_source");
  await migrate(sourceUrl);
  process.env.DATABASE_URL = sourceUrl;
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
  process.env.ID_HASH_KEY ??= "test-id-hash-key-test-id-hash-key-000000";
  await seedDemoData(db, { idHashKey: process.env.ID_HASH_KEY });
  sourceStore = storeIn("source-store").store;
  await fileCaseWithEvidence(sourceStore);
  const { applicationId } = await fileCaseWithEvidence(sourceStore);
  await addResultDocumentAndDraft(sourceStore, applicationId);

  backupDir = path.join(work, "backups", "full");
  manifest = await createBackup({ databaseUrl: sourceUrl, store: sourceStore, dir: backupDir });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  for (const target of targets) await target.drop();
  await source?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every table's rows (as text, in one time zone) and every sequence's position. */
async function contents(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'");
    const rowsOf = async (table: string) =>
      (
        await client.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY id`)
      ).rows.map((row) => row.row);
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ digest: string }>(
        `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest
           FROM ${client.escapeIdentifier(name)} t`,
      );
      digests[name] = rows[0]!.digest;
    }
    const { rows: sequences } = await client.query<{ name: string; last: string | null }>(
      "SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    return {
      cases: await rowsOf("application"),
      timelineEvents: await rowsOf("timeline_event"),
      evidence: (await rowsOf("evidence_file")) as { storage_key: string; sha256: string }[],
      digests,
      sequences,
    };
  } finally {
    await client.end();
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function tableNames(url: string): Promise<string[]> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"),
  );
  return rows.map((row) => row.name);
}

async function sha256In(store: FileStore, key: string): Promise<string | null> {
  const stream = await store.get(key);
  return stream ? sha256Hex(new Uint8Array(await new Response(stream).arrayBuffer())) : null;
}

describe("backup and restore", () => {
  it("brings back every case, timeline event, row and evidence file (by sha256) in an empty database", async () => {
    const target = await emptyTarget();
    const { dir: targetStoreDir, store: targetStore } = storeIn("target-store");
    const lines: string[] = [];
    await restoreBackup({
      dir: backupDir,
      databaseUrl: target.url,
      store: targetStore,
      log: (line) => lines.push(line),
    });

    const before = await contents(sourceUrl);
    const after = await contents(target.url);
    expect(before.cases.length).toBeGreaterThanOrEqual(6);
    expect(before.evidence.length).toBe(8);
    expect(before.timelineEvents.length).toBeGreaterThan(before.cases.length);
    expect(after.cases).toEqual(before.cases);
    expect(after.timelineEvents).toEqual(before.timelineEvents);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.digests).toEqual(before.digests);
    expect(after.sequences).toEqual(before.sequences);

    for (const row of after.evidence) {
      expect(await sha256In(targetStore, row.storage_key)).toBe(row.sha256);
      expect(await sha256In(sourceStore, row.storage_key)).toBe(row.sha256);
    }
    const storedFiles = readdirSync(targetStoreDir, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile(),
    );
    expect(storedFiles.map((entry) => entry.name).sort()).toEqual(
      after.evidence.map((row) => row.storage_key).sort(),
    );
    expect(await pendingMigrations(target.url)).toEqual([]);
    expect(lines).toContain("Files verified: 8/8");
  });

  it("keeps the backup private and lists every file in the manifest", async () => {
    expect((await stat(backupDir)).mode & 0o777).toBe(0o700);
    expect(manifest).toMatchObject({ filesIncluded: true, database: { serverMajor: source.major } });
    expect(manifest.evidence).toHaveLength(8);
    for (const entry of manifest.evidence)
      expect(sha256Hex(readFileSync(path.join(backupDir, entry.file!)))).toBe(entry.sha256);
  });

  it("refuses a database that is not empty, and leaves it as it was", async () => {
    const target = await createTestDatabase();
    targets.push(target);
    const before = await contents(target.url);
    const { store } = storeIn("refused-store");
    await expect(restoreBackup({ dir: backupDir, databaseUrl: target.url, store })).rejects.toThrow(
      /is not empty .*a restore only goes into an empty database/s,
    );
    expect(await contents(target.url)).toEqual(before);
  });

  it("refuses a backup with a damaged file before loading anything", async () => {
    const damaged = path.join(work, "backups", "damaged");
    await mkdir(damaged, { recursive: true });
    for (const name of ["manifest.json", "db.dump"])
      writeFileSync(path.join(damaged, name), readFileSync(path.join(backupDir, name)));
    await mkdir(path.join(damaged, "files"));
    for (const entry of manifest.evidence)
      writeFileSync(path.join(damaged, entry.file!), readFileSync(path.join(backupDir, entry.file!)));
    const victim = manifest.evidence[3]!.file!;
    const bytes = readFileSync(path.join(damaged, victim));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(path.join(damaged, victim), bytes);

    const target = await emptyTarget();
    const { store } = storeIn("damaged-store");
    await expect(restoreBackup({ dir: damaged, databaseUrl: target.url, store })).rejects.toThrow(
      new RegExp(`missing or damaged; nothing was restored:\\s+${victim}`),
    );
    expect(await tableNames(target.url)).toEqual([]);
  });

  it("never writes into an existing folder", async () => {
    const existing = path.join(work, "backups", "existing");
    await mkdir(existing, { recursive: true });
    writeFileSync(path.join(existing, "keep.txt"), "earlier");
    await expect(createBackup({ databaseUrl: sourceUrl, store: sourceStore, dir: existing })).rejects.toThrow(
      /already exists; a backup never overwrites one/,
    );
    expect(readdirSync(existing)).toEqual(["keep.txt"]);
  });

  it("with --manifest-only lists the files, and the restore checks the (replicated) store holds each", async () => {
    const dir = path.join(work, "backups", "manifest-only");
    const listed = await createBackup({
      databaseUrl: sourceUrl,
      store: sourceStore,
      dir,
      manifestOnly: true,
    });
    expect(readdirSync(dir).sort()).toEqual(["db.dump", "manifest.json"]);
    expect(listed.evidence.map(({ key, sha256 }) => ({ key, sha256 }))).toEqual(
      manifest.evidence.map(({ key, sha256 }) => ({ key, sha256 })),
    );

    await restoreBackup({ dir, databaseUrl: (await emptyTarget()).url, store: sourceStore });
    const { store: emptyStore } = storeIn("never-replicated");
    await expect(
      restoreBackup({ dir, databaseUrl: (await emptyTarget()).url, store: emptyStore }),
    ).rejects.toThrow(
      `but 8 evidence file(s) are not in the store:\n  ${listed.evidence[0]!.key}: missing from the store`,
    );
  });

  it("fails, and leaves no folder, when a file the database points at is missing from the store", async () => {
    const victim = manifest.evidence[2]!.key;
    const holed: FileStore = {
      ...sourceStore,
      get: (key) => (key === victim ? Promise.resolve(null) : sourceStore.get(key)),
    };
    const dir = path.join(work, "backups", "holed");
    await expect(createBackup({ databaseUrl: sourceUrl, store: holed, dir })).rejects.toThrow(
      `1 evidence file(s) could not be backed up:\n  ${victim}: missing from the store`,
    );
    expect(readdirSync(path.join(work, "backups"))).not.toContain("holed");
  });

  // Last: it deletes a row from the source, which the round trip above compares with.
  it("accepts a draft deleted (row and file) while the backup runs, and says so in the manifest", async () => {
    const { rows } = await withClient(sourceUrl, (client) =>
      client.query<{ key: string }>(
        "SELECT storage_key AS key FROM evidence_file WHERE application_id IS NULL",
      ),
    );
    const draft = rows[0]!.key;
    const deleting: FileStore = {
      ...sourceStore,
      async get(key) {
        if (key !== draft) return sourceStore.get(key);
        // What deleteEvidence does: the row, then the file.
        await withClient(sourceUrl, (client) =>
          client.query("DELETE FROM evidence_file WHERE storage_key = $1", [draft]),
        );
        await sourceStore.delete(key);
        return null;
      },
    };
    const dir = path.join(work, "backups", "during-deletion");
    const written = await createBackup({ databaseUrl: sourceUrl, store: deleting, dir });
    expect(written.evidence.find((entry) => entry.key === draft)).toEqual({
      ...manifest.evidence.find((entry) => entry.key === draft),
      file: null,
      deletedDuringBackup: true,
    });
    expect(written.counts.evidenceFiles).toBe(8);
    const lines: string[] = [];
    const { store } = storeIn("after-deletion");
    await restoreBackup({
      dir,
      databaseUrl: (await emptyTarget()).url,
      store,
      log: (line) => lines.push(line),
    });
    expect(lines).toContain(
      "1 evidence row(s) were deleted while the backup ran; they are restored without a file.",
    );
  });

  it("names the server's version and the newest pg_dump when none can dump it, and leaves no folder", async () => {
    const fakeDir = path.join(work, "old-postgres", "12", "bin");
    await mkdir(fakeDir, { recursive: true });
    writeFileSync(path.join(fakeDir, "pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 12.22'\n");
    await chmod(path.join(fakeDir, "pg_dump"), 0o755);
    const target = await emptyTarget();
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const { rows } = await client.query<{ num: string }>(
      "SELECT current_setting('server_version_num') AS num",
    );
    await client.end();
    const major = serverMajor(rows[0]!.num);

    const dir = path.join(work, "backups", "too-old");
    await expect(
      createBackup({
        databaseUrl: target.url,
        store: sourceStore,
        dir,
        tools: { env: { PATH: "" }, libDir: path.join(work, "old-postgres") },
      }),
    ).rejects.toThrow(
      `The server is PostgreSQL ${major} (pg_dump refuses a server newer than itself), but the newest pg_dump found is 12.22 (${fakeDir}/pg_dump): install postgresql-client-${major}`,
    );
    expect(readdirSync(path.join(work, "backups"))).not.toContain("too-old");
  });
});
