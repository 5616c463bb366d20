import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrator";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { readinessProbe, type ReadinessProbe } from "./readiness";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
let database: TestDatabase;
let scratch: string;
const probes: ReadinessProbe[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  scratch = await mkdtemp(path.join(tmpdir(), "readiness-"));
});
afterAll(async () => {
  await Promise.all(probes.map((probe) => probe.close()));
  await database?.drop();
  await rm(scratch, { recursive: true, force: true });
});

function probe(options: Partial<Parameters<typeof readinessProbe>[0]> = {}) {
  const created = readinessProbe({ databaseUrl: database.url, isDraining: () => false, ...options });
  probes.push(created);
  return created;
}

/** prisma/migrations plus one migration the database has not seen. */
async function migrationsWithOneMore(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(MIGRATIONS, dir, { recursive: true });
  await mkdir(path.join(dir, `99990101000000_${name}`));
  await writeFile(
    path.join(dir, `99990101000000_${name}`, "migration.sql"),
    `CREATE TABLE readiness_${name} (id int);\n`,
  );
  return dir;
}

describe("readinessProbe (real Postgres)", () => {
  it("is ready on a reachable database with every migration applied", async () => {
    expect(await probe({ migrationsDir: MIGRATIONS }).check()).toEqual({ ok: true });
  });

  it("is not ready while a migration is pending, and is as soon as it is applied", async () => {
    const dir = await migrationsWithOneMore("pending");
    const ready = probe({ migrationsDir: dir });
    expect(await ready.check()).toEqual({ ok: false, reason: "migrations_pending" });
    await migrate(database.url, { migrationsDir: dir });
    expect(await ready.check()).toEqual({ ok: true });
    // A database migrated ahead of this build (a rolling deploy migrates first) is still fine.
    expect(await probe({ migrationsDir: MIGRATIONS }).check()).toEqual({ ok: true });
  });

  it("remembers 'migrations current' for a while, so most probes cost one SELECT 1", async () => {
    let clock = 1_000_000;
    const dir = path.join(scratch, "later");
    await cp(MIGRATIONS, dir, { recursive: true });
    const ready = probe({ migrationsDir: dir, migrationsCurrentForMs: 30_000, now: () => clock });
    expect(await ready.check()).toEqual({ ok: true });
    // A new build's migration appears on disk: not looked for again until the interval has passed.
    await rm(dir, { recursive: true });
    await cp(await migrationsWithOneMore("later-one"), dir, { recursive: true });
    clock += 29_000;
    expect(await ready.check()).toEqual({ ok: true });
    clock += 1_000;
    expect(await ready.check()).toEqual({ ok: false, reason: "migrations_pending" });
  });

  it("is not ready when the database cannot be reached or the migrations cannot be read", async () => {
    const down = probe({ databaseUrl: "postgresql://expedite:secret@127.0.0.1:9/expedite" });
    expect(await down.check()).toEqual({ ok: false, reason: "database_unreachable" });
    const noFolder = probe({ migrationsDir: path.join(scratch, "missing") });
    expect(await noFolder.check()).toEqual({ ok: false, reason: "migrations_unknown" });
  });

  it("is not ready once shutdown has begun, whatever the database says", async () => {
    let draining = false;
    const ready = probe({ migrationsDir: MIGRATIONS, isDraining: () => draining });
    expect(await ready.check()).toEqual({ ok: true });
    draining = true;
    expect(await ready.check()).toEqual({ ok: false, reason: "shutting_down" });
  });
});
