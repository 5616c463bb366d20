import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

let root: string;
const started: EmbeddedPostgres[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "expedite-pg-"));
});

afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
  await rm(root, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function queryOne<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it(
    "starts one server for concurrent callers and keeps its data across restarts",
    { timeout: 60_000 },
    async () => {
      // mkdtemp makes a 0700 directory; the postgres OS user (when we are root) must get through it.
      await chmod(root, 0o755);
      const options = { dataDir: path.join(root, "pg"), port: await freePort() };
      const start = async () => {
        const server = await startEmbeddedPostgres(options);
        started.push(server);
        return server;
      };

      const servers = await Promise.all([start(), start()]);

      expect(servers.map((server) => server.owned).sort()).toEqual([false, true]);
      const owner = servers.find((server) => server.owned)!;
      const guest = servers.find((server) => !server.owned)!;
      expect(guest.adminUrl).toBe(owner.adminUrl);
      await guest.ensureDatabase("kept");
      await owner.ensureDatabase("kept");
      await guest.stop();
      const before = await queryOne<{ id: string; encoding: string }>(
        owner.adminUrl,
        "SELECT system_identifier::text AS id, current_setting('server_encoding') AS encoding FROM pg_control_system()",
      );
      expect(before.encoding).toBe("UTF8");

      await owner.stop();
      await expect(queryOne(owner.adminUrl, "SELECT 1")).rejects.toThrow();
      const again = await start();

      expect(again.owned).toBe(true);
      const after = await queryOne<{ id: string }>(
        again.adminUrl,
        "SELECT system_identifier::text AS id FROM pg_control_system()",
      );
      expect(after.id).toBe(before.id);
      expect(await queryOne(again.urlFor("kept"), "SELECT current_database() AS name")).toEqual({
        name: "kept",
      });
      await again.dropDatabase("kept");
      await expect(queryOne(again.urlFor("kept"), "SELECT 1")).rejects.toThrow(
        /database "kept" does not exist/,
      );
    },
  );

  it.runIf(process.getuid?.() === 0)(
    "explains when the postgres OS user cannot reach the data directory",
    async () => {
      await chmod(root, 0o700);

      await expect(
        startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await freePort() }),
      ).rejects.toThrow(`The postgres OS user cannot reach ${root}: ${root} has mode 700`);
    },
  );
});
