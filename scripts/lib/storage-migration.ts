import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { FileStore } from "@/lib/evidence/file-store";

export type StorageMigrationReport = {
  copied: number;
  /** Already in the target with the right size and sha256 (a resumed run). */
  present: number;
  /** Rows whose file is in neither store. */
  missing: string[];
  /** Keys whose bytes do not match their row's sha256 (in the source, or after the upload). */
  mismatched: string[];
};

type Row = { id: string; storageKey: string; sizeBytes: number; sha256: string };

/**
 * Copies every evidence file the database knows (by its rows' storage keys) from `source` to
 * `target`, verifying each by reading it back and comparing its sha256 with the row. Resumable: a
 * key already in the target with the right bytes is left alone; a wrong one is copied again.
 */
export async function migrateEvidenceStorage(options: {
  source: FileStore;
  target: FileStore;
  log: (line: string) => void;
  pageSize?: number;
}): Promise<StorageMigrationReport> {
  const { source, target, log } = options;
  const report: StorageMigrationReport = { copied: 0, present: 0, missing: [], mismatched: [] };
  const total = await db.evidenceFile.count();
  let done = 0;
  for await (const row of allRows(options.pageSize ?? 200)) {
    done += 1;
    const outcome = await migrateOne(row, source, target);
    if (outcome === "copied") report.copied += 1;
    else if (outcome === "present") report.present += 1;
    else if (outcome === "missing") report.missing.push(row.storageKey);
    else report.mismatched.push(row.storageKey);
    log(`[${done}/${total}] ${row.storageKey} ${outcome}`);
  }
  log(
    `copied ${report.copied}, already present ${report.present}, ` +
      `missing ${report.missing.length}, sha256 mismatch ${report.mismatched.length}`,
  );
  return report;
}

async function migrateOne(
  row: Row,
  source: FileStore,
  target: FileStore,
): Promise<"copied" | "present" | "missing" | "source sha256 mismatch" | "sha256 mismatch after upload"> {
  const existing = await readAll(await target.get(row.storageKey));
  if (existing && matches(existing, row)) return "present";
  const bytes = await readAll(await source.get(row.storageKey));
  if (!bytes) return "missing";
  if (!matches(bytes, row)) return "source sha256 mismatch";
  await target.put(row.storageKey, bytes);
  const uploaded = await readAll(await target.get(row.storageKey));
  return uploaded && matches(uploaded, row) ? "copied" : "sha256 mismatch after upload";
}

function matches(bytes: Uint8Array, row: Row): boolean {
  return bytes.length === row.sizeBytes && createHash("sha256").update(bytes).digest("hex") === row.sha256;
}

/** Reads a body to the end (an S3 body left unread would hold a pooled connection). */
async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array | null> {
  return stream ? new Uint8Array(await new Response(stream).arrayBuffer()) : null;
}

/** Every row, in id order, one page at a time. */
async function* allRows(pageSize: number): AsyncGenerator<Row> {
  let after: string | undefined;
  for (;;) {
    const page = await db.evidenceFile.findMany({
      where: after ? { id: { gt: after } } : {},
      select: { id: true, storageKey: true, sizeBytes: true, sha256: true },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}
