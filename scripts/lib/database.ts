import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

export type ProvidedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * DATABASE_URL set → that Postgres, as is. Unset → our embedded PostgreSQL under .data/, with the
 * named database created on first use. Data is never re-initialised or deleted.
 */
export async function provideDatabase(options: {
  dataDir: string;
  port: number;
  database: string;
  log: (line: string) => void;
}): Promise<ProvidedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    options.log("Using the PostgreSQL database from DATABASE_URL.");
    return { url: external, embedded: false, stop: async () => {} };
  }
  // The server's own chatter (initdb, checkpoints) is noise on a terminal; problems are not.
  const log = (line: string) => {
    // graphile-worker looks for its migrations table before creating it (first db:migrate): expected.
    if (/relation "graphile_worker\.migrations" does not exist/.test(line)) return;
    if (/\b(ERROR|FATAL|PANIC)\b/.test(line) || /^(Initialising|Reusing|Giving|Waiting|Creating)/.test(line))
      options.log(line);
  };
  const cluster = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log });
  await cluster.ensureDatabase(options.database);
  options.log(
    `Embedded PostgreSQL ${cluster.owned ? "started" : "already running"} on port ${options.port} (data in ${options.dataDir}).`,
  );
  return { url: cluster.urlFor(options.database), embedded: true, stop: () => cluster.stop() };
}
