// Runs `prisma generate` after install, offline.
// Prisma's CLI downloads a schema-engine binary before most commands; generate never uses it,
// so we point it at a harmless executable for this one command only. Never do this for
// `prisma migrate …`: with a dummy engine it reports success and applies nothing (see README).
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
  },
});
process.exit(result.status ?? 1);
