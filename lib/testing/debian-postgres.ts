// A throwaway PostgreSQL cluster from the distribution's packages (/usr/lib/postgresql/<N>/bin), for
// tests that need the client tools to match the server: the project's embedded PostgreSQL 18 has no
// pg_dump, and pg_dump refuses a server newer than itself. scripts/test.ts installs the packages
// when they are missing (scripts/lib/debian-postgres.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const LIB_DIR = "/usr/lib/postgresql";
const NEEDED = ["initdb", "postgres", "pg_dump", "pg_restore"];

export type DebianPostgres = {
  major: number;
  binDir: string;
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

/** The newest <LIB_DIR>/<N>/bin holding the server and both tools, or null. */
export function findDebianPostgres(libDir = LIB_DIR): { major: number; binDir: string } | null {
  if (!existsSync(libDir)) return null;
  const majors = readdirSync(libDir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((major) => NEEDED.every((tool) => existsSync(path.join(libDir, String(major), "bin", tool))))
    .sort((a, b) => b - a);
  return majors[0] === undefined
    ? null
    : { major: majors[0], binDir: path.join(libDir, String(majors[0]), "bin") };
}

/** The OS user the server runs as: postgres when we are root (initdb refuses root), else ourselves. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("Running as root, but there is no postgres user to run PostgreSQL as.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startDebianPostgres(port: number): Promise<DebianPostgres> {
  const found = findDebianPostgres();
  if (!found)
    throw new Error(
      `No PostgreSQL server with pg_dump under ${LIB_DIR}/<N>/bin: install Debian's postgresql package ` +
        "(npm test does when it runs as root).",
    );
  const user = serverUser();
  const root = mkdtempSync(path.join(tmpdir(), "expedite-pg-"));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = path.join(root, "data");
  const asServerUser = { ...(user ?? {}), env: { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" } };
  // Fast and disposable: no fsync, trust on loopback only.
  const init = spawnSync(
    path.join(found.binDir, "initdb"),
    ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
    { ...asServerUser, encoding: "utf8" },
  );
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr}`);
  }
  const server: ChildProcess = spawn(
    path.join(found.binDir, "postgres"),
    ["-D", dataDir, "-p", String(port), "-k", root, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    { ...asServerUser, stdio: ["ignore", "ignore", "pipe"] },
  );
  let output = "";
  server.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGINT"); // fast shutdown
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(
      adminUrl,
      () => server.exitCode !== null,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    ...found,
    adminUrl,
    urlFor,
    stop,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
  };
}

async function waitUntilReady(url: string, dead: () => boolean, output: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      if (dead() || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
