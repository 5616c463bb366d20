// `npm run db:migrate`: applies pending migrations to DATABASE_URL (our `prisma migrate deploy`).
import { migrate } from "../lib/db/migrator";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}

migrate(databaseUrl, { log: (line) => console.log(line) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
