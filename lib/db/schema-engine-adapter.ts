// The driver Prisma's schema engine (WebAssembly) talks to Postgres through: @prisma/adapter-pg,
// with four fixes for 7.10 that only matter when driving the engine (docs/decisions/015):
// 1. every connection opens a throwaway database of its own, from separate host/port/user/database
//    settings (adapter-pg's own shadow database silently becomes the main one when built from a
//    connection string, because pg lets the string override the database name);
// 2. scripts go to the server whole (adapter-pg splits them on ";", which breaks on comments and
//    plpgsql bodies);
// 3. Postgres's internal one-byte "char" type (catalog columns such as pg_constraint.contype) is
//    mapped to the engine's character type (adapter-pg 7.10 has no mapping and fails the query);
// 4. the pool closes before its database is dropped (adapter-pg drops first and fails with
//    "being accessed by other users").
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

export type PgServer = { host: string; port: number; user: string; password?: string; database: string };

/** Connection settings from a postgres:// URL; `database` is where CREATE DATABASE is sent from. */
export function pgServerFromUrl(databaseUrl: string): PgServer {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost",
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
  };
}

export type ThrowawayAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Drops the databases of connections the engine left open (it never disposes the main one). */
  close(): Promise<void>;
};

/**
 * An adapter factory whose main and shadow connections each get a new, empty database on `server`
 * named `<prefix>_<random>`, dropped when the connection is disposed of. Nothing else is touched.
 */
export function throwawayDatabaseAdapter(server: PgServer, prefix: string): ThrowawayAdapter {
  const open = new Set<SqlDriverAdapter>();
  const connect = async () => {
    const adapter = await connectToThrowawayDatabase(server, prefix);
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return adapter;
  };
  return {
    factory: { provider: "postgres", adapterName: "@prisma/adapter-pg", connect, connectToShadowDb: connect },
    close: async () => void (await Promise.all([...open].map((adapter) => adapter.dispose()))),
  };
}

async function connectToThrowawayDatabase(server: PgServer, prefix: string): Promise<SqlDriverAdapter> {
  const database = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(server, `CREATE DATABASE "${database}"`);
  const pool = new pg.Pool({ ...server, database, max: 2 });
  const adapter = await new PrismaPg(pool).connect();
  return Object.assign(adapter, {
    queryRaw: withCharColumns(adapter),
    async executeScript(script: string) {
      // No parameters: pg uses the simple query protocol, which runs a multi-statement script as is.
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    async dispose() {
      await pool.end();
      await onServer(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  });
}

async function onServer(server: PgServer, sql: string) {
  const client = new pg.Client({ ...server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const CHAR_OID = 18;
const TEXT_OID = 25;

type PgResult = { fields: { dataTypeID: number }[] };
type WithPerformIO = { performIO(query: SqlQuery): Promise<PgResult> };

/**
 * The engine reads catalog columns of type "char" (pg_constraint.contype, …) as characters, but
 * adapter-pg 7.10 rejects that type. Per query, report those columns to adapter-pg as text (pg
 * already returns their values as strings) and to the engine as characters. Relies on
 * adapter-pg's internal performIO, which queryRaw calls with the raw pg result.
 */
function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter["queryRaw"] {
  const queryRaw = adapter.queryRaw;
  const performIO = (adapter as unknown as WithPerformIO).performIO.bind(adapter);
  return async (query) => {
    const charColumns: number[] = [];
    const relabelling = Object.create(adapter, {
      performIO: {
        value: async (io: SqlQuery) => {
          const result = await performIO(io);
          result.fields.forEach((field, index) => {
            if (field.dataTypeID !== CHAR_OID) return;
            charColumns.push(index);
            field.dataTypeID = TEXT_OID;
          });
          return result;
        },
      },
    }) as SqlDriverAdapter;
    const result = await queryRaw.call(relabelling, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}
