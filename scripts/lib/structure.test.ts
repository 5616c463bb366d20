import { describe, expect, it } from "vitest";
import { readDomainFiles, structureProblems } from "./structure";

const SERVER_ONLY = 'import "server-only";\n';
const USES_DB = 'import { db } from "@/lib/db";\n';

describe("structureProblems", () => {
  it("accepts the project's lib/ as it is", async () => {
    const files = await readDomainFiles(process.cwd());

    expect(files.map((file) => file.path)).toContain("lib/lookup/lookup-sql.ts");
    expect(structureProblems(files)).toEqual([]);
  });

  it("accepts each role named for what it is", () => {
    expect(
      structureProblems([
        { path: "lib/cases/data.ts", text: `// Reads.\n${SERVER_ONLY}${USES_DB}` },
        { path: "lib/rota/notice-mutations.ts", text: `${SERVER_ONLY}export async function f(tx: Tx) {}` },
        { path: "lib/catalog/admin-schema.ts", text: 'import { z } from "zod";' },
        { path: "lib/auth/sign-in-actions.ts", text: '"use server";' },
        { path: "lib/lookup/lookup-sql.ts", text: 'import { sql } from "@/lib/sql";' },
        { path: "lib/rota/rota.fixtures.ts", text: USES_DB },
        { path: "lib/rota/rota.test.ts", text: "" },
        { path: "lib/applications/application-number.ts", text: "" },
      ]),
    ).toEqual([]);
  });

  it("names each file whose name claims a role it does not have, or two roles", () => {
    expect(
      structureProblems([
        { path: "lib/cases/visible-events-data.ts", text: 'import { sql } from "@/lib/sql";' },
        { path: "lib/lookup/lookup-sql-data.ts", text: `${SERVER_ONLY}${USES_DB}` },
        { path: "lib/rota/test-fixtures-data.ts", text: `${SERVER_ONLY}${USES_DB}` },
        { path: "lib/dashboard/query-sql.ts", text: USES_DB },
        { path: "lib/audit/mutations.ts", text: "export async function f(tx: Tx) {}" },
      ]),
    ).toEqual([
      "lib/cases/visible-events-data.ts: is named for data access but never uses the database (no @/lib/db, no transaction); name it for what it is, e.g. *-sql.ts for SQL text or a plain name for pure logic",
      'lib/cases/visible-events-data.ts: data access must start with import "server-only"',
      "lib/lookup/lookup-sql-data.ts: names more than one role (sql, data); a file has one role, named by its last word",
      "lib/rota/test-fixtures-data.ts: names a test role inside its name (test, fixtures, data); fixtures are *.fixtures.ts or live in lib/testing/",
      "lib/dashboard/query-sql.ts: builds SQL text and must not import the client; let a data or mutations module run it",
      'lib/audit/mutations.ts: data access must start with import "server-only"',
    ]);
  });

  it("refuses names outside the vocabulary", () => {
    expect(
      structureProblems([
        { path: "lib/cases/Timeline.ts", text: "" },
        { path: "lib/cases/timeline_view.ts", text: "" },
        { path: "lib/cases/notes.json", text: "{}" },
        { path: "lib/cases/timeline.spec.ts", text: "" },
        { path: "lib/notifications/testing/smtp-sink.ts", text: "" },
      ]),
    ).toEqual([
      'lib/cases/Timeline.ts: "Timeline" is not kebab-case',
      'lib/cases/timeline_view.ts: "timeline_view" is not kebab-case',
      "lib/cases/notes.json: is not <kebab-case>.ts, .test.ts or .fixtures.ts",
      "lib/cases/timeline.spec.ts: is not <kebab-case>.ts, .test.ts or .fixtures.ts",
      'lib/notifications/testing/smtp-sink.ts: folder "testing/" names a role; test helpers go in lib/testing/ or *.fixtures.ts',
    ]);
  });
});
