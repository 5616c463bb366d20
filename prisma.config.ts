import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/migrate.ts (Prisma's engine cannot be downloaded here), but the
// layout and the `_prisma_migrations` bookkeeping match Prisma's, so `prisma migrate deploy|status`
// work wherever the engine is available. `prisma generate` needs no database URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
