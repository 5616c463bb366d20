import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

export type BenchDatabase = {
  /** The scratch database the run seeds and the servers read. */
  url: string;
  name: string;
  /** Drops the scratch database (unless kept) and stops the embedded server if this run started it. */
  close: (options: { keep: boolean }) => Promise<void>;
};

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {
    // Reported by the failing query instead; an unhandled 'error' event would crash the run.
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A fresh database `expedite_bench_<random>` for one run: on the server of DATABASE_URL when it is
 * set (the database named there is never written to), else on an embedded PostgreSQL kept in
 * `dataDir` on its own port, so the demo (54329) and test (54330) clusters are never touched.
 */
export async function provideBenchDatabase(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const name = `expedite_bench_${randomBytes(4).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stopServer = async () => {};
  if (external) {
    adminUrl = external;
    options.log(`Using the PostgreSQL server of DATABASE_URL (scratch database ${name}).`);
  } else {
    const quiet = (line: string) => {
      if (/\b(ERROR|FATAL|PANIC)\b/.test(line) || /^(Initialising|Reusing)/.test(line)) options.log(line);
    };
    const cluster = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, log: quiet });
    adminUrl = cluster.adminUrl;
    stopServer = () => cluster.stop();
    options.log(
      `Embedded PostgreSQL ${cluster.owned ? "started" : "reused"} on port ${options.port} (${options.dataDir}); scratch database ${name}.`,
    );
  }
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    close: async ({ keep }) => {
      if (keep) options.log(`Kept database ${name} (${url.toString()}).`);
      else
        await withClient(adminUrl, (admin) =>
          admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`),
        );
      if (!keep) await stopServer();
    },
  };
}

/** The server's version and the settings that matter for the figures, for the report. */
export async function describeServer(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ version: string; shared_buffers: string; max_connections: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('max_connections') AS max_connections",
    );
    const row = rows[0]!;
    return `PostgreSQL ${row.version} (shared_buffers ${row.shared_buffers}, max_connections ${row.max_connections})`;
  });
}
