// Prisma's own migration engine, as WebAssembly, driven offline: it applies prisma/migrations to a
// throwaway shadow database and diffs the result against schema.prisma, printing the exact SQL a
// migration needs. Prisma's CLI cannot do this here (it downloads a native engine). Scripts and
// tests only: it reads files and creates databases. See docs/decisions/015.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { throwawayDatabaseAdapter, type PgServer } from "./schema-engine-adapter";

/** What the engine prints when the migrations already produce the schema. */
export const EMPTY_MIGRATION = "-- This is an empty migration.";

export type DiffInput = {
  /** Where the throwaway databases are created; needs the CREATEDB privilege. */
  server: PgServer;
  /** Names of the throwaway databases start with this (tests clean up after killed runs by it). */
  databasePrefix: string;
  schemaPath?: string;
  migrationsDir?: string;
};

/**
 * The SQL that would take a database built by the migrations to what schema.prisma describes:
 * EMPTY_MIGRATION when they agree.
 */
export async function diffMigrationsToSchema(input: DiffInput): Promise<string> {
  const schemaPath = path.resolve(input.schemaPath ?? path.join("prisma", "schema.prisma"));
  const migrations = await listMigrations(
    path.resolve(input.migrationsDir ?? path.join("prisma", "migrations")),
  );
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const databases = throwawayDatabaseAdapter(input.server, input.databasePrefix);
  const adapter = bindMigrationAwareSqlAdapterFactory(databases.factory);
  const engine = await engineCall(adapter, () =>
    loadBindings().SchemaEngine.new({ datamodels: undefined }, () => {}, adapter),
  );
  try {
    const result = await engineCall(adapter, () =>
      engine.diff({
        from: { tag: "migrations", ...migrations },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    return (result.stdout ?? "").trim();
  } finally {
    try {
      engine.free();
    } catch {
      // After a panic the engine is still borrowed by the dead call and cannot be freed.
    }
    await databases.close();
  }
}

/** The installed engine: its package version ("8.1.0-2.59be4fda…") and the commit the engine reports. */
export function engineVersion(): { package: string; commit: string } {
  const manifest = JSON.parse(readFileSync(path.join(packageDir(), "package.json"), "utf8")) as {
    version: string;
  };
  return { package: manifest.version, commit: loadBindings().version() };
}

/** The migrations folder in the shape Prisma's CLI hands the engine (sorted folder names). */
async function listMigrations(baseDir: string): Promise<MigrationList> {
  const lockfile = "migration_lock.toml";
  const entries = await readdir(baseDir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  folders.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    baseDir,
    lockfile: {
      path: lockfile,
      content: await readFile(path.join(baseDir, lockfile), "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(baseDir, folder, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

type Bindings = typeof bindings;
let loaded: Bindings | undefined;

/**
 * The package's entry point imports the .wasm as an ES module, which Node 20 and 22 cannot do
 * without a flag; instantiate it by hand as Prisma's own loader does.
 */
function loadBindings(): Bindings {
  if (loaded) return loaded;
  // The engine reports a Rust panic through this global; without it a panic surfaces as an
  // unrelated TypeError from inside the bindings.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
  const compiled = new WebAssembly.Module(readFileSync(path.join(packageDir(), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(compiled, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = bindings;
  return bindings;
}

/** The package exports neither its .wasm nor its package.json: find them beside the bindings. */
function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
}

class PanicRegistry {
  private message = "";
  get() {
    return this.message;
  }
  set_message(message: string) {
    this.message = `RuntimeError: ${message}`;
  }
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

/**
 * Runs one engine call and turns its failures into errors that say what went wrong: a database
 * error raised in the adapter is looked up in the adapter's registry, and a Rust panic (which
 * escapes as an uncaught exception from a promise job, never settling the call) fails the call
 * with the engine's panic message instead of hanging or killing the process.
 */
async function engineCall<T>(
  adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  call: () => Promise<T>,
) {
  let onUncaught = (_error: unknown) => {};
  const uncaught = new Promise<never>((_, reject) => {
    onUncaught = reject;
  });
  process.on("uncaughtException", onUncaught);
  try {
    return await Promise.race([call(), uncaught]);
  } catch (error) {
    throw explain(error, adapter);
  } finally {
    process.off("uncaughtException", onUncaught);
  }
}

function explain(error: unknown, adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): unknown {
  if (error instanceof WebAssembly.RuntimeError) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || error.message;
    return new Error(`Prisma's schema engine panicked: ${message}`, { cause: error });
  }
  // An error thrown in the adapter reaches us as "External error id#N"; the registry holds the original.
  const id = /External error id#(\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  const recorded = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id));
  return recorded ? recorded.error : error;
}
