import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The bench's pure helpers (no database, no server) alone: `npx vitest run -c bench/vitest.config.mts`.
// They also run in `npm test` (vitest.config.mts includes bench/); this config needs no test PostgreSQL.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  root,
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    environment: "node",
    include: ["bench/**/*.test.ts"],
    setupFiles: ["lib/testing/fail-on-console-error.ts"],
  },
});
