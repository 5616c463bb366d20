import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// House rule: only data/mutation modules (and infrastructure, scripts, tests) touch the database,
// so every read and write passes through a module that checks authorization. The exemptions below
// are by role, and scripts/check-structure.ts keeps the names honest: a file named data/mutations
// must really use the database, a *-sql.ts builder must not, fixtures are *.fixtures.ts or live
// in lib/testing/ (docs/architecture.md, "Layering").
const databaseImports = {
  paths: [
    { name: "@/lib/db", message: "Import the Prisma client only in lib/**/data.ts or lib/**/mutations.ts." },
  ],
  patterns: [
    {
      group: ["**/generated/prisma/client", "**/generated/prisma/internal/*"],
      message:
        "Use @/lib/db in data/mutation modules; import enums/types from @/lib/generated/prisma/enums or /models.",
    },
    {
      group: ["@prisma/client", "@prisma/client/*"],
      message: "Build SQL text with @/lib/sql; the client is @/lib/db, in data/mutation modules.",
    },
  ],
};
// Dates, numbers and money go through lib/i18n/format.ts (en-GB dates, "¥" not "CN¥", 24-hour
// clock): next-intl's own formatter would write US English for "en".
const formatterImports = [
  { name: "next-intl", importNames: ["useFormatter"], message: "Use useFormat from @/lib/i18n/use-format." },
  {
    name: "next-intl/server",
    importNames: ["getFormatter"],
    message: "Use getFormat from @/lib/i18n/server-format.",
  },
];
// Fixtures write rows directly and are exempt from the rule above: only tests may use them.
const fixtureImports = {
  group: ["@/lib/testing/*", "**/*.fixtures"],
  message: "Fixtures and test helpers are for tests (*.test.ts, *.fixtures.ts, lib/testing/) only.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: [
      // Data access (reads, writes), verified to use the database by scripts/check-structure.ts.
      "lib/**/data.ts",
      "lib/**/mutations.ts",
      "lib/**/*-data.ts",
      "lib/**/*-mutations.ts",
      // Infrastructure: the one client, its SQL tag, migrations and the schema engine.
      "lib/db.ts",
      "lib/sql.ts",
      "lib/db/**",
      // Tests and what only tests use.
      "lib/testing/**",
      "lib/**/*.fixtures.ts",
      "lib/**/*.test.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...databaseImports.paths, ...formatterImports],
          patterns: [...databaseImports.patterns, fixtureImports],
        },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "NewExpression[callee.object.name='Intl'][callee.property.name=/^(DateTimeFormat|NumberFormat)$/]",
          message:
            "Format with @/lib/i18n/format (or getFormat/useFormat) so every page writes the same way.",
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message:
            "Format with @/lib/i18n/format (or getFormat/useFormat) so every page writes the same way.",
        },
      ],
    },
  },
  {
    // Data access may use the client, but not fixtures.
    files: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/**/*-data.ts", "lib/**/*-mutations.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [fixtureImports] }] },
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call a parameter named `use`; it is not React's hook.
    files: ["e2e/**"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
      // Fixed sleeps are either too short on a busy machine or wasted time: wait for what the page shows.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: "Use a web-first assertion or expect.poll instead of waitForTimeout.",
        },
      ],
    },
  },
  // Layout is Prettier's job (checked in `npm test`); turn off the lint rules it would fight.
  prettier,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
