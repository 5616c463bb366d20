import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { productionEnvProblems } from "../../lib/config/production-env";
import { pendingMigrations } from "../../lib/db/migrator";
import { DEMO_USERS } from "../../prisma/seed/users";

/**
 * What production mode checks before it serves a request (decision 017). Each refusal names what to
 * do about it; nothing here builds, migrates, seeds or generates anything.
 */
export async function productionPreflight(
  env: Record<string, string | undefined>,
  root = process.cwd(),
): Promise<string[]> {
  const problems = productionEnvProblems(env);
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    problems.push("no build: run `npm run build` once and give every instance the same .next folder");
  if (env.DATABASE_URL && !problems.some((problem) => problem.startsWith("DATABASE_URL")))
    problems.push(...(await databaseProblems(env.DATABASE_URL, root)));
  return problems;
}

async function databaseProblems(databaseUrl: string, root: string): Promise<string[]> {
  let pending: string[];
  try {
    pending = await pendingMigrations(databaseUrl, {
      migrationsDir: path.join(root, "prisma", "migrations"),
    });
  } catch (error) {
    return [`DATABASE_URL: cannot reach the database (${error instanceof Error ? error.message : error})`];
  }
  if (pending.length > 0)
    return [
      `database: ${pending.length} migration(s) not applied (${pending.join(", ")}): run \`npm run db:migrate\``,
    ];
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string }>(`SELECT email FROM "user" WHERE email = ANY($1)`, [
      DEMO_USERS.map((user) => user.email),
    ]);
    return rows.length > 0
      ? [
          `database: holds the demo accounts (${rows.map((row) => row.email).join(", ")}), whose password is public; ` +
            "production never serves demo data: use a database that was never seeded",
        ]
      : [];
  } finally {
    await client.end().catch(() => undefined);
  }
}
