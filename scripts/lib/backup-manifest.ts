// What a backup folder holds (decision 021): db.dump (pg_dump custom format), files/<storage key>
// (unless --manifest-only) and manifest.json, written last, so a folder without it is unfinished.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { z } from "zod";

export const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "db.dump";
export const FILES_DIR = "files";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const evidenceEntry = z.object({
  /** The storage key, as in evidence_file.storage_key; the FileStore's key. */
  key: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().min(1),
  /** Path inside the backup; null for --manifest-only, or when the file was deleted meanwhile. */
  file: z.string().nullable(),
  /** The row was in the snapshot but deleted (with its file) before the file was copied. */
  deletedDuringBackup: z.boolean().optional(),
});

export const manifestSchema = z.object({
  format: z.literal("expedite-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DUMP_FILE),
    sha256,
    serverMajor: z.number().int(),
    serverVersion: z.string(),
    pgDumpMajor: z.number().int(),
    pgDumpVersion: z.string(),
  }),
  /** false for --manifest-only: the store is replicated elsewhere and only listed here. */
  filesIncluded: z.boolean(),
  /** Rows in the dump, checked again after a restore. */
  counts: z.object({ applications: z.number(), timelineEvents: z.number(), evidenceFiles: z.number() }),
  evidence: z.array(evidenceEntry),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type EvidenceEntry = z.infer<typeof evidenceEntry>;

/** Keys become file names inside the backup: only plain names are accepted. */
export function backupFileName(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(key) || key.length > 200)
    throw new Error(`Storage key ${JSON.stringify(key)} cannot be used as a file name in a backup`);
  return `${FILES_DIR}/${key}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Runs a PostgreSQL command-line tool; rejects with the end of its stderr. */
export function runTool(file: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${file} failed (${signal ?? `exit ${code}`}):\n${stderr.trim() || "(no output)"}`));
    });
  });
}
