import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { silenceAwsSdkNodeWarning } from "@/lib/env";
import type { FileStore } from "@/lib/evidence/file-store";
import { localFileStore } from "@/lib/evidence/local-store";
import { saveEvidence } from "@/lib/evidence/mutations";
import { s3FileStore } from "@/lib/evidence/s3-store";
import { createTestUser } from "@/lib/testing/fixtures";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { migrateEvidenceStorage } from "./storage-migration";

const ROOT = path.resolve(__dirname, "../..");
const uploadDir = mkdtempSync(path.join(tmpdir(), "expedite-migrate-"));
const local = localFileStore(() => uploadDir);
let server: S3Server;
let bucket: FileStore;
beforeAll(async () => {
  silenceAwsSdkNodeWarning();
  server = await startS3Server();
  bucket = s3FileStore(server.settings);
});
afterAll(async () => {
  await server?.stop();
  rmSync(uploadDir, { recursive: true, force: true });
});

const database = withTestDatabase();

const pdf = () => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${randomUUID()}\n%%EOF\n`));

/** Real uploads through the mutation, onto local disk. */
async function uploads(count: number): Promise<string[]> {
  const applicant = await createTestUser();
  const keys: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const saved = await saveEvidence(
      applicant,
      { kind: "OTHER", originalName: `${i}.pdf`, bytes: pdf() },
      { store: local },
    );
    keys.push((await db.evidenceFile.findUniqueOrThrow({ where: { id: saved.id } })).storageKey);
  }
  return keys;
}

async function bytesOf(store: FileStore, key: string) {
  const body = await store.get(key);
  return body ? new Uint8Array(await new Response(body).arrayBuffer()) : null;
}

/** The bucket, failing on the nth put: a run interrupted half-way. */
function failingOnPut(n: number): FileStore {
  let puts = 0;
  return {
    ...bucket,
    list: (prefix) => bucket.list(prefix),
    put: async (key, bytes) => {
      puts += 1;
      if (puts === n) throw new Error("connection reset");
      await bucket.put(key, bytes);
    },
  };
}

const quiet = () => undefined;

describe("migrateEvidenceStorage", () => {
  it("copies every file, resumes after an interruption without copying twice, and verifies each", async () => {
    const keys = await uploads(5);
    await expect(
      migrateEvidenceStorage({ source: local, target: failingOnPut(3), log: quiet, pageSize: 2 }),
    ).rejects.toThrow("connection reset");

    const lines: string[] = [];
    const resumed = await migrateEvidenceStorage({
      source: local,
      target: bucket,
      log: (line) => lines.push(line),
      pageSize: 2,
    });
    expect(resumed).toEqual({ copied: 3, present: 2, missing: [], mismatched: [] });
    expect(lines.filter((line) => /^\[\d+\/5\] [0-9a-f]{32} (copied|present)$/.test(line))).toHaveLength(5);
    for (const key of keys) expect(await bytesOf(bucket, key)).toEqual(await bytesOf(local, key));

    expect(await migrateEvidenceStorage({ source: local, target: bucket, log: quiet })).toEqual({
      copied: 0,
      present: 5,
      missing: [],
      mismatched: [],
    });
  });

  it("reports a file whose bytes do not match its row, and a file that is gone", async () => {
    const [corrupt, gone] = await uploads(2);
    writeFileSync(path.join(uploadDir, corrupt!.slice(0, 2), corrupt!), "%PDF-1.7\nnot what was uploaded");
    await local.delete(gone!);
    const report = await migrateEvidenceStorage({ source: local, target: bucket, log: quiet });
    expect(report).toMatchObject({ copied: 0, missing: [gone], mismatched: [corrupt] });
    expect(await bytesOf(bucket, corrupt!)).toBeNull();
    await db.evidenceFile.deleteMany({ where: { storageKey: { in: [corrupt!, gone!] } } });
  });

  it("detects an upload that the bucket stored wrongly", async () => {
    const [key] = await uploads(1);
    const flipping: FileStore = {
      ...bucket,
      list: (prefix) => bucket.list(prefix),
      put: (target, bytes) =>
        bucket.put(
          target,
          bytes.map((byte, index) => (index === 0 ? byte ^ 1 : byte)),
        ),
    };
    const report = await migrateEvidenceStorage({ source: local, target: flipping, log: quiet });
    expect(report.mismatched).toEqual([key]);
    // A later run replaces the bad copy.
    expect(await migrateEvidenceStorage({ source: local, target: bucket, log: quiet })).toMatchObject({
      copied: 1,
      mismatched: [],
    });
  });
});

describe("npm run storage:migrate", () => {
  const run = () =>
    spawnSync("npm", ["run", "-s", "storage:migrate", "--", "--from", uploadDir], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test" as const,
        DATABASE_URL: database.current().url,
        NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0000",
        ID_HASH_KEY: "test-id-hash-key-test-id-hash-key-000000",
        ...server.env,
      },
      encoding: "utf8",
      timeout: 60_000,
    });

  // Each run starts tsx and the AWS SDK in a new process: slow on a busy machine, not a timing check.
  const SPAWN_TIMEOUT = 90_000;
  let key: string;

  it(
    "prints progress and exits 0 when every file is in the bucket",
    async () => {
      [key] = (await uploads(1)) as [string];
      const ok = run();
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain(`${key} copied`);
    },
    SPAWN_TIMEOUT,
  );

  it(
    "exits 1 and names the file on a sha256 mismatch",
    async () => {
      await bucket.put(key, new Uint8Array([1, 2, 3]));
      writeFileSync(path.join(uploadDir, key.slice(0, 2), key), "%PDF-1.7\ntampered");
      const bad = run();
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(`sha256 mismatch: ${key}`);
    },
    SPAWN_TIMEOUT,
  );
});
