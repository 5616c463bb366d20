// The tagged template for SQL text: interpolated values become bind parameters. SQL builders
// (lib/**/*-sql.ts) take it from here rather than from the generated client, because building text
// needs no database; the data or mutations module that runs the statement holds the client.
export { empty, join, raw, Sql, sqltag as sql } from "@prisma/client/runtime/client";
