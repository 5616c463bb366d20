import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnvProblems } from "@/lib/config/production-env";
import { migrate } from "@/lib/db/migrator";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { productionPreflight } from "./production-preflight";

const ROOT = path.resolve(__dirname, "../..");

function validEnv(databaseUrl = "postgresql://app:secret@db.internal:5432/expedite") {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ID_HASH_KEY: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    APP_URL: "https://expedite.example.gov",
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: "http://minio.internal:9000",
    S3_REGION: "us-east-1",
    S3_BUCKET: "expedite-evidence",
    S3_ACCESS_KEY_ID: "expedite",
    S3_SECRET_ACCESS_KEY: randomBytes(24).toString("base64url"),
    S3_FORCE_PATH_STYLE: "true",
  };
}

/** A project root with the migrations and (optionally) a build marker, nothing else. */
function fakeRoot(withBuild: boolean) {
  const root = mkdtempSync(path.join(tmpdir(), "expedite-prod-"));
  cpSync(path.join(ROOT, "prisma", "migrations"), path.join(root, "prisma", "migrations"), {
    recursive: true,
  });
  if (withBuild) {
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "test-build");
  }
  return root;
}

describe("productionEnvProblems", () => {
  it("names every missing setting at once", () => {
    const problems = productionEnvProblems({});
    for (const name of [
      "NODE_ENV",
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "ID_HASH_KEY",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "APP_URL",
      "STORAGE_DRIVER",
    ])
      expect(
        problems.some((problem) => problem.startsWith(`${name}:`)),
        name,
      ).toBe(true);
  });

  it("accepts a complete environment and refuses weak or malformed values, empty ones included", () => {
    expect(productionEnvProblems(validEnv())).toEqual([]);
    const problems = productionEnvProblems({
      ...validEnv(),
      NODE_ENV: "development",
      NEXTAUTH_SECRET: "short",
      ID_HASH_KEY: "",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64"),
      APP_URL: "ftp://expedite",
      DATABASE_URL: "mysql://x/y",
    });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "APP_URL",
      "DATABASE_URL",
      "ID_HASH_KEY",
      "NEXTAUTH_SECRET",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "NODE_ENV",
    ]);
  });

  it("takes logs and metrics settings as optional, but refuses wrong ones", () => {
    expect(
      productionEnvProblems({ ...validEnv(), LOG_LEVEL: "warn", METRICS_TOKEN: "m".repeat(32) }),
    ).toEqual([]);
    const problems = productionEnvProblems({ ...validEnv(), LOG_LEVEL: "loud", METRICS_TOKEN: "short" });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["LOG_LEVEL", "METRICS_TOKEN"]);
  });

  it("takes TRUSTED_PROXIES as addresses and ranges, and names an entry that is neither", () => {
    expect(productionEnvProblems({ ...validEnv(), TRUSTED_PROXIES: "10.0.0.0/8, ::1, fd00::/8" })).toEqual(
      [],
    );
    expect(
      productionEnvProblems({
        ...validEnv(),
        TRUSTED_PROXIES: "10.0.0.0/8, nginx",
        SHUTDOWN_GRACE_MS: "soon",
      }),
    ).toEqual([
      'TRUSTED_PROXIES: "nginx" is not an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1 or fd00::/8)',
      "SHUTDOWN_GRACE_MS: SHUTDOWN_GRACE_MS must be a number of milliseconds",
    ]);
  });
});

describe("productionEnvProblems: evidence storage (decision 019)", () => {
  const withoutStorage = () =>
    Object.fromEntries(
      Object.entries(validEnv()).filter(([name]) => !/^(STORAGE_DRIVER|S3_|UPLOAD_DIR)/.test(name)),
    );
  const names = (problems: string[]) => problems.map((problem) => problem.split(":")[0]).sort();

  it("wants the driver named: no silent fallback to one host's disk", () => {
    expect(productionEnvProblems({ ...withoutStorage(), UPLOAD_DIR: "/srv/uploads" })).toEqual([
      expect.stringMatching(/^STORAGE_DRIVER: .*one host only/),
    ]);
    expect(names(productionEnvProblems({ ...withoutStorage(), STORAGE_DRIVER: "disk" }))).toEqual([
      "STORAGE_DRIVER",
    ]);
  });

  it("takes local disk only with an explicit UPLOAD_DIR", () => {
    expect(names(productionEnvProblems({ ...withoutStorage(), STORAGE_DRIVER: "local" }))).toEqual([
      "UPLOAD_DIR",
    ]);
    expect(
      productionEnvProblems({ ...withoutStorage(), STORAGE_DRIVER: "local", UPLOAD_DIR: "/srv/uploads" }),
    ).toEqual([]);
  });

  it("with s3, names every missing or malformed S3 setting at once, empty ones included", () => {
    expect(
      names(
        productionEnvProblems({
          ...withoutStorage(),
          STORAGE_DRIVER: "s3",
          S3_ENDPOINT: "minio:9000",
          S3_SECRET_ACCESS_KEY: "",
          S3_FORCE_PATH_STYLE: "yes",
        }),
      ),
    ).toEqual([
      "S3_ACCESS_KEY_ID",
      "S3_BUCKET",
      "S3_ENDPOINT",
      "S3_FORCE_PATH_STYLE",
      "S3_REGION",
      "S3_SECRET_ACCESS_KEY",
    ]);
    const { S3_ENDPOINT: _unset, ...awsS3 } = validEnv();
    expect(productionEnvProblems(awsS3)).toEqual([]);
  });

  it("reports storage problems together with the others", () => {
    expect(names(productionEnvProblems({ ...withoutStorage(), APP_URL: "", STORAGE_DRIVER: "s3" }))).toEqual(
      expect.arrayContaining(["APP_URL", "S3_BUCKET"]),
    );
  });
});

describe("productionPreflight", () => {
  let database: TestDatabase;
  const roots: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.drop();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const root = (withBuild: boolean) => {
    const made = fakeRoot(withBuild);
    roots.push(made);
    return made;
  };

  it("refuses without a build and never makes one", async () => {
    const bare = root(false);
    await migrate(database.url);
    const problems = await productionPreflight(validEnv(database.url), bare);
    expect(problems).toEqual([expect.stringContaining("npm run build")]);
    expect(readdirSync(bare)).toEqual(["prisma"]);
  });

  it("refuses while migrations are pending, naming the command, and applies none", async () => {
    const empty = await createTestDatabase({ migrate: false });
    try {
      const problems = await productionPreflight(validEnv(empty.url), root(true));
      expect(problems).toEqual([expect.stringContaining("npm run db:migrate")]);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const { rows } = await client.query("SELECT to_regclass('_prisma_migrations') AS table");
      await client.end();
      expect(rows[0].table).toBeNull();
    } finally {
      await empty.drop();
    }
  });

  it("serves a migrated database without demo data, and refuses one that holds the demo accounts", async () => {
    const built = root(true);
    await migrate(database.url);
    expect(await productionPreflight(validEnv(database.url), built)).toEqual([]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(
      `INSERT INTO "user" (email, password_hash, display_name, role, updated_at) VALUES ('admin@expedite.test', 'x', 'Admin', 'ADMIN', now())`,
    );
    await client.end();
    expect(await productionPreflight(validEnv(database.url), built)).toEqual([
      expect.stringContaining("admin@expedite.test"),
    ]);
  });
});

describe("npm run serve", () => {
  it("refuses to start without its settings, listing them all, and writes no secret", () => {
    const secretsFile = path.join(ROOT, ".data", "secrets.json");
    const hadSecrets = existsSync(secretsFile);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" as const };
    const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Production mode cannot start");
    for (const name of [
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "ID_HASH_KEY",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "APP_URL",
      "STORAGE_DRIVER",
    ])
      expect(result.stderr).toContain(`  - ${name}:`);
    expect(existsSync(secretsFile)).toBe(hadSecrets);
  });

  it("npm start refuses to run the demo with NODE_ENV=production", () => {
    const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("npm run serve");
  });
});
